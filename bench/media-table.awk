#!/usr/bin/awk -f
# The tables of bench/media-post.sh from target/bench/media-{java,baileys}.tsv, lines
# "side medium rep firstMs secondMs firstPairwise secondPairwise deliveries bytes": median (min-max) per side and
# medium, then Baileys' median over ours.
BEGIN { FS = "\t" }
function median(list, n,    sorted, i, j, t) {
    for (i = 1; i <= n; i++) sorted[i] = list[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
    lo = sorted[1]; hi = sorted[n]
    return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
}
$3 == "warmup" { next }
{
    key = $1 " " $2
    if (!(key in n)) order[++keys] = key
    n[key]++; first[key, n[key]] = $4; second[key, n[key]] = $5
    pw[key] = $6 " / " $7; dev[key] = $8; mb[key] = $9 > 0 ? sprintf("%.1f", $9 / 1e6) : "-"
}
END {
    print "| poster | medium (MB) | first post ms | second post ms | pairwise parts (first / second) | deliveries recorded |"
    print "|---|---|--:|--:|--:|--:|"
    for (k = 1; k <= keys; k++) {
        key = order[k]; split(key, part, " ")
        for (i = 1; i <= n[key]; i++) { a[i] = first[key, i]; b[i] = second[key, i] }
        m1[key] = median(a, n[key]); r1 = sprintf("%.0f-%.0f", lo, hi)
        m2[key] = median(b, n[key]); r2 = sprintf("%.0f-%.0f", lo, hi)
        printf "| %s | %s (%s) | %.0f (%s) | %.0f (%s) | %s | %s |\n", part[1], part[2], mb[key], m1[key], r1, m2[key], r2, pw[key], dev[key]
    }
    header = 0
    for (k = 1; k <= keys; k++) {
        key = order[k]; split(key, part, " ")
        if (part[1] != "java" || !(("baileys " part[2]) in m1)) continue
        if (!header) {
            print ""
            print "| speedup over Baileys (median) | first post | second post |"
            print "|---|--:|--:|"
            header = 1
        }
        base = "baileys " part[2]
        printf "| %s | %.1f× | %.1f× |\n", part[2], m1[base] / m1[key], m2[base] / m2[key]
    }
}
