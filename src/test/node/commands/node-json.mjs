// Binary nodes as JSON, shared by every command that takes or returns stanzas:
//   {"tag": "iq", "attrs": {"id": "1"}, "content": <absent | [node, ...] | "text" | {"hex": "0a0b"}>}
// Attribute order is the JSON object order (JavaScript puts integer-like keys first; avoid them).

export function fromJson(json) {
  if (!json || typeof json.tag !== 'string') throw new Error(`not a node: ${JSON.stringify(json)}`)
  const node = { tag: json.tag, attrs: { ...(json.attrs ?? {}) } }
  const { content } = json
  if (content === undefined || content === null) return node
  if (Array.isArray(content)) node.content = content.map(fromJson)
  else if (typeof content === 'string') node.content = content
  else if (typeof content.hex === 'string') node.content = Buffer.from(content.hex, 'hex')
  else throw new Error(`unsupported content in <${json.tag}>: ${JSON.stringify(content)}`)
  return node
}

export function toJson(node) {
  const json = { tag: node.tag, attrs: { ...(node.attrs ?? {}) } }
  const { content } = node
  if (content === undefined || content === null) return json
  if (Array.isArray(content)) json.content = content.map(toJson)
  else if (typeof content === 'string') json.content = content
  else if (content instanceof Uint8Array) json.content = { hex: Buffer.from(content).toString('hex') }
  else throw new Error(`unsupported content in <${node.tag}>: ${typeof content}`)
  return json
}
