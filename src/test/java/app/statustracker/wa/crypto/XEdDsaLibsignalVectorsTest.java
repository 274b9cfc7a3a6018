package app.statustracker.wa.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixed vectors generated once with the XEdDSA of Baileys 7.0.0-rc14's dependency tree: npm
 * {@code libsignal} 6.0.0 ({@code src/curve.js}) over {@code curve25519-js} 0.0.4, in a scratch directory
 * outside the repo. Per vector: a libsignal key pair ({@code curve.generateKeyPair}), a message,
 * {@code curve.calculateSignature(priv, msg)} (deterministic, no randomness), a 64-byte Z and
 * {@code curveJs.sign(priv, msg, Z)}; then a signature made by this class with fresh randomness that
 * {@code curve.verifySignature(0x05‖pub, msg, sig)} accepted (and rejected with one bit flipped).
 * The set covers both values of the sign bit in sig[63]. {@link XEdDsaLibsignalCrossCheckTest} repeats
 * the check live, with fresh keys, through the Node driver.
 */
class XEdDsaLibsignalVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    record Vector(String privateKey, String publicKey, String message, String libsignalSignature,
                  String random, String curveJsSignatureWithRandom, String javaSignature) {
    }

    private static final List<Vector> VECTORS = List.of(
            new Vector(
                    "28718d2a0227135a64cd3d0b5448cf673b2e619557ba58d19c25ffdd42591a73",
                    "2c4f720078f59a47bd9b8a73c79b4648b3ce77a448bad0da1e615b80bf490654",
                    "00",
                    "3dc8bde748e0de79cfbea73508226f68f6fc9d9413d3a2dabf1d282fa0b08be0"
                    + "7673a17eaaeb70d2ca729924462e5107744b0ba826dd1790d3e60d70dcec300b",
                    "3b9d6d90a496616974bad8d4b6ef9993c31db1f4acb8ab6d27deb68f9180dcb1"
                    + "51c8f62a952b50929a1c769cdfb84e48cb3d4bfebf8a278f7dc04dc3fd0541d2",
                    "05c7ec99c9de80aaaf4827ed0fb4ca625ebb36aa15401609e15ed9c09a4cb34b"
                    + "e5f48f9cba386cc92c61ba450c9ff5ecebfc328dbcfa05561e2d895de52d990d",
                    "8e4932adc64b2441f1fbaea99d04ec3e58545bae0dcac83aa3b76d28637fb051"
                    + "a4f0cb95f85ea87b4ec5c4e98a4fa2690876f6ea6d4f7e698186b2b2b506d503"),
            new Vector(
                    "9843c5fa141126c08155bf709b7e9c89f2d1813e23a8e37ad16d5e56c9cd655b",
                    "e55ef149d3b4f4e6071a1938e30fa2efe36bdfb894b0483b2b588a0dcf1b3a2d",
                    "1f963ad8ee47d836bc9b26d2e4504c76cb",
                    "ea1d2664b85cf3138084dfa880a1f62be891d514113fd6122225b3f563c60c1f"
                    + "d485e1480a4f1e239844e7bba2fcb60bb298961966fcc63dd9ec991e39852881",
                    "f70200c284a170fe8ae3c6f26c97ee5fcf9527147cac349e47a0e30b225c2cc5"
                    + "e2f2d7776828f7962e438ced277bd21aea3e0ad0f86464b2bfeb9fe1dea61f6d",
                    "642fda398c5160a3e4d227c9c1dbca7738a4b3d53d40d410c6df0a8f27370b90"
                    + "6c508d4c0037c7619495d9148d13c34ff920d18ff34e7a9e0c803d83be595080",
                    "98a0b1f8015a607d3d9d7037f5ff07ed030ded45b40a9706d975e48fe2165cd5"
                    + "552c17a294b4b40f55f3356ec8c9cce92848f4a509e9ddb4cd7455a2e23c1c83"),
            new Vector(
                    "289b2c34b9fd6da0b86a0b4e22dd29fba8cee229808784cb89cd9d263ece4976",
                    "01100dd8dde84f88b1d4bd3f578419a8a9385575d5fc8c1ba28cf1147a01c230",
                    "8ff658a285f22e6d0c285b5ba0c6362a06d4fd7f66f9a841a3d300ca349da6929823",
                    "34c9908729ce3bc509667bd863f36fa8647d534247d737c668a9f1c6858fd57a"
                    + "461d864c4f7784a4477b0ec78ca390ab21d3940b90898350c583ebe35c041180",
                    "cffc2b710cd8d1ced0c56122eeefeb66a2680cfd8f8f19a6d20d3ca6e4ccf5a3"
                    + "7839e75371005c11be0ddbd881fc6e45dcc5cbd6aee480b98168ee93f6f36367",
                    "d6231d6652fd13caa49a595b1e16a18099d7baa2190c52b504180add8b16d7a9"
                    + "fa181476f7fd3bc67bd22963f58126a48c681c21c9491f65b880890522652f89",
                    "e2e4f168be54434183187babd8c2541b5b80da014e3a4fc4329c6ad8e9c795fe"
                    + "b232fbeac1700ed6743571e622955b8c76e7ccb2eee46b5b53b62c9852c2ea8e"),
            new Vector(
                    "20378f577ad9e3bd754bcd27ca9057a5c0263cb09149dfcb29074348b7ad8957",
                    "bc9382395d14959d6fc707442750072b4c86ce79f206d6f95cae9244e0077423",
                    "0faf5a767ebd130da52496445972b0af815aeeef5cc8100403d0d4ebd94d3472"
                    + "c7aba6d84301ceff87c4e042f1f9f689a63b75",
                    "edd269b38f2b68104f8ca501faf8a62c186f98d7e197594b3c89cc4d29f1d4c1"
                    + "3c585f850647fcd6006d896117cba302099f2dab86f2ace3630c974007799009",
                    "c402dc5750c09add16ad0a17b8a0196aeb39ee0283952f5bebaf985cec746935"
                    + "abb9332dbb98740495aacb368867819b1ecaebc26643a020f7e9255e0c530c75",
                    "8e17cc77635e6de9f76824ad76ef292874f3fcb0657ba58fd3cdb05027df4651"
                    + "827036df387243ec9c79a85ec4618a0c6f30e21dd0898b74cc58396fe8f0650e",
                    "a3b87324f5f9217076e43f6165bbf1f4574c3a496eabe80d54a4308ac068df7d"
                    + "8683e6b4eab63517d9014152fa5327a72fafa41048be79a56c238c0da31a8109"));

    @Test
    void publicKeysMatchLibsignal() {
        for (Vector v : VECTORS) {
            assertArrayEquals(hex(v.publicKey()), Curve25519.publicKeyOf(hex(v.privateKey())), v.publicKey());
        }
    }

    @Test
    void libsignalSignaturesVerifyInJava() {
        for (Vector v : VECTORS) {
            assertTrue(XEdDsa.verify(hex(v.publicKey()), hex(v.message()), hex(v.libsignalSignature())), v.publicKey());
            assertTrue(XEdDsa.verify(hex(v.publicKey()), hex(v.message()), hex(v.curveJsSignatureWithRandom())), v.publicKey());
        }
    }

    @Test
    void javaSignsByteForByteLikeCurve25519JsForTheSameRandomness() {
        for (Vector v : VECTORS) {
            assertArrayEquals(hex(v.curveJsSignatureWithRandom()),
                    XEdDsa.sign(hex(v.privateKey()), hex(v.message()), hex(v.random())), v.publicKey());
        }
    }

    @Test
    void javaSignaturesThatLibsignalAcceptedStillVerify() {
        for (Vector v : VECTORS) {
            assertTrue(XEdDsa.verify(hex(v.publicKey()), hex(v.message()), hex(v.javaSignature())), v.publicKey());
        }
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }
}
