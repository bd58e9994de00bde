package org.hearth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interoperability commands of the wallet issue, with exactly the options it names. */
class WalletCliTest {

    private static final String JUNK = "test test test test test test test test test test test junk";
    private static final String ANVIL_0_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static final String ANVIL_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    @TempDir
    Path dir;


    private Cli.Run hearth(String... args) {
        return Cli.run(null, args);
    }

    private String file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = WalletCliTest.class.getResourceAsStream("/vectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void deriveMatchesAnvilForEachPathFamily() throws Exception {
        String mnemonic = file("m.txt", JUNK + "\n");
        Cli.Run first = hearth("wallet", "derive", "--mnemonic-file", mnemonic, "--path", "m/44'/60'/0'/0/0");
        assertEquals(0, first.exit(), first.err());
        assertEquals(ANVIL_0 + "\n", first.out());
        assertEquals("0x70997970C51812dc3A010C7d01b50e0d17dc79C8\n",
                hearth("wallet", "derive", "--mnemonic-file", mnemonic, "--path", "m/44'/60'/0'/0/1").out());
        Cli.Run ledger = hearth("wallet", "derive", "--mnemonic-file", mnemonic, "--path", "m/44'/60'/1'/0/0");
        assertEquals(0, ledger.exit(), ledger.err());
        assertTrue(ledger.out().matches("0x[0-9a-fA-F]{40}\n") && !ledger.out().equals(first.out()), ledger.out());

        String passphrase = file("p.txt", "hearth\n");
        Cli.Run withPassphrase = hearth("wallet", "derive", "--mnemonic-file", mnemonic, "--passphrase-file", passphrase, "--path", "m/44'/60'/0'/0/0");
        assertEquals(0, withPassphrase.exit(), withPassphrase.err());
        assertFalse(withPassphrase.out().equals(first.out()), "the passphrase changes the wallet");
    }

    @Test
    void deriveRejectsBadMnemonicsAndPaths() throws Exception {
        Cli.Run typo = hearth("wallet", "derive", "--mnemonic-file", file("typo.txt", JUNK.replace("junk", "junkk")), "--path", "m/44'/60'/0'/0/0");
        assertEquals(1, typo.exit());
        assertEquals("error: Word 12 of the mnemonic is not in the BIP-39 English wordlist.\n", typo.err());
        assertFalse(typo.err().contains("junkk"), "mnemonic words never reach messages");

        Cli.Run checksum = hearth("wallet", "derive", "--mnemonic-file", file("sum.txt", JUNK.replace("junk", "test")), "--path", "m/44'/60'/0'/0/0");
        assertEquals(1, checksum.exit());
        assertTrue(checksum.err().startsWith("error: The mnemonic's checksum does not match"), checksum.err());

        Cli.Run count = hearth("wallet", "derive", "--mnemonic-file", file("short.txt", "test test test"), "--path", "m/44'/60'/0'/0/0");
        assertEquals(1, count.exit());
        assertTrue(count.err().contains("this one has 3"), count.err());

        String good = file("m.txt", JUNK);
        Cli.Run path = hearth("wallet", "derive", "--mnemonic-file", good, "--path", "m/44'/60'/0'/0/2147483648");
        assertEquals(1, path.exit());
        assertTrue(path.err().startsWith("error: Level 5 of derivation path"), path.err());
        assertEquals(1, hearth("wallet", "derive", "--mnemonic-file", good, "--path", "44/60").exit());

        Cli.Run missing = hearth("wallet", "derive", "--mnemonic-file", dir.resolve("absent.txt").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void mnemonicFromStdin() throws Exception {
        InputStream original = System.in;
        try {
            System.setIn(new ByteArrayInputStream((JUNK + "\n").getBytes(StandardCharsets.UTF_8)));
            Cli.Run run = hearth("wallet", "derive", "--mnemonic-file", "-", "--path", "m/44'/60'/0'/0/0");
            assertEquals(ANVIL_0 + "\n", run.out(), run.err());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void keystoreInspect() throws Exception {
        String keystore = file("ks.json", resource("keystore-v3-pbkdf2.json"));
        Cli.Run ok = hearth("keystore", "inspect", "--file", keystore, "--password-file", file("pw.txt", "testpassword\n"));
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b\n", ok.out());

        Cli.Run wrong = hearth("keystore", "inspect", "--file", keystore, "--password-file", file("bad.txt", "testpassword \n"));
        assertEquals(1, wrong.exit());
        assertEquals("error: Wrong password, or the keystore file was altered (MAC mismatch).\n", wrong.err());

        String tampered = file("t.json", resource("keystore-v3-pbkdf2.json").replace("\"ciphertext\" : \"53", "\"ciphertext\" : \"52"));
        Cli.Run altered = hearth("keystore", "inspect", "--file", tampered, "--password-file", file("pw2.txt", "testpassword"));
        assertEquals(1, altered.exit());
        assertTrue(altered.err().contains("MAC mismatch"), altered.err());

        Cli.Run huge = hearth("keystore", "inspect", "--file", file("huge.json", " ".repeat((1 << 20) + 1)), "--password-file", file("pw4.txt", "x"));
        assertEquals(1, huge.exit());
        assertTrue(huge.err().contains("larger than 1 MiB"), huge.err());

        Cli.Run hugePassword = hearth("keystore", "inspect", "--file", keystore, "--password-file", file("pw5.txt", "x".repeat(70_000)));
        assertEquals(1, hugePassword.exit());
        assertEquals("error: The password file " + dir.resolve("pw5.txt") + " is larger than 64 KiB; refused.\n", hugePassword.err());

        Cli.Run notJson = hearth("keystore", "inspect", "--file", file("x.json", "{\"crypto\": "), "--password-file", file("pw3.txt", "x"));
        assertEquals(1, notJson.exit());
        assertTrue(notJson.err().startsWith("error: The keystore is not valid JSON"), notJson.err());
    }

    @Test
    void keystoreCreateThenInspect() throws Exception {
        Path out = dir.resolve("new.json");
        String key = file("k.txt", ANVIL_0_KEY + "\n");
        String password = file("pw.txt", "correct horse\n");
        Cli.Run create = hearth("keystore", "create", "--private-key-file", key, "--password-file", password, "--out", out.toString());
        assertEquals(0, create.exit(), create.err());
        assertEquals(ANVIL_0 + "\n", create.out());
        assertFalse(Files.readString(out).contains(ANVIL_0_KEY.substring(2)));
        assertEquals(ANVIL_0 + "\n", hearth("keystore", "inspect", "--file", out.toString(), "--password-file", password).out());
        Cli.Run again = hearth("keystore", "create", "--private-key-file", key, "--password-file", password, "--out", out.toString());
        assertEquals(1, again.exit(), "an existing file is never overwritten");
    }

    @Test
    void signMessageSignsTheExactBytesAndVerifies() throws Exception {
        String key = file("k.txt", ANVIL_0_KEY + "\n");
        String message = file("msg.txt", "hello\n");
        Cli.Run signed = hearth("wallet", "sign-message", "--private-key-file", key, "--message-file", message);
        assertEquals(0, signed.exit(), signed.err());
        String signature = signed.out().strip();
        assertTrue(signature.matches("0x[0-9a-f]{128}(1b|1c)"), signature);

        Cli.Run withoutNewline = hearth("wallet", "sign-message", "--private-key-file", key, "--message-file", file("msg2.txt", "hello"));
        assertFalse(withoutNewline.out().equals(signed.out()), "the message file is signed byte for byte");

        Cli.Run verify = hearth("wallet", "verify", "--address", ANVIL_0, "--signature", signature, "--message-file", message);
        assertEquals(0, verify.exit(), verify.err());
        Cli.Run wrong = hearth("wallet", "verify", "--address", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "--signature", signature, "--message-file", message);
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("it was made by " + ANVIL_0), wrong.err());

        Cli.Run badKey = hearth("wallet", "sign-message", "--private-key-file", file("bad.txt", "0x1234"), "--message-file", message);
        assertEquals(1, badKey.exit());
        assertTrue(badKey.err().startsWith("error: A private key is 32 bytes"), badKey.err());
    }

    @Test
    void signTypedGivesTheEip712MailSignature() throws Exception {
        String mail = resource("eip712-mail.json");
        String typedData = new com.fasterxml.jackson.databind.ObjectMapper().readTree(mail).get("typedData").toString();
        // keccak256("cow"), the EIP's example key
        String cow = file("cow.txt", "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4\n");
        Cli.Run run = hearth("wallet", "sign-typed", "--private-key-file", cow, "--data-file", file("mail.json", typedData));
        assertEquals(0, run.exit(), run.err());
        assertEquals("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c\n", run.out());

        String signature = run.out().strip();
        Cli.Run verify = hearth("wallet", "verify", "--address", "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826", "--signature", signature,
                "--data-file", file("mail.json", typedData));
        assertEquals(0, verify.exit(), verify.err());
        assertEquals("valid: signed by 0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\n", verify.out());
        Cli.Run wrong = hearth("wallet", "verify", "--address", ANVIL_0, "--signature", signature, "--data-file", file("mail.json", typedData));
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("is not from " + ANVIL_0 + "; it was made by 0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), wrong.err());

        Cli.Run bad = hearth("wallet", "sign-typed", "--private-key-file", cow, "--data-file", file("bad.json", "{\"types\": {}}"));
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("error: The typed data's"), bad.err());
    }
}
