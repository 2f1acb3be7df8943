package org.tomoni.platform.shared;

import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Application-level encryption of secrets at rest (bank account numbers) with AES-256-GCM, and
 * HMAC signatures for links sent by e-mail. The key lives outside the database: in
 * {@code SECRETS_KEY_FILE}, or generated once into the data folder. A database dump alone reveals
 * no account number.
 */
// Created at start-up, so a missing or malformed key stops the platform at once instead of at the first sign-up.
@io.micronaut.context.annotation.Context
public class SecretBox {
    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    private static final String GENERATED_FILE = "secrets.key";
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec signingKey;

    SecretBox(@Value("${platform.secrets.key-file:}") String keyFile, @Value("${platform.data-dir:./data}") String dataDir) {
        byte[] master = load(keyFile, Path.of(dataDir));
        // Separate keys for the two uses, derived from the one master key.
        encryptionKey = new SecretKeySpec(derive(master, "encrypt"), "AES");
        signingKey = new SecretKeySpec(derive(master, "sign"), "HmacSHA256");
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty when the text was not sealed with this key (or was tampered with). */
    public Optional<String> decrypt(String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A URL-safe signature of {@code payload}. */
    public String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String payload, String signature) {
        return signature != null
            && MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] load(String keyFile, Path dataDir) {
        try {
            if (keyFile != null && !keyFile.isBlank()) {
                return decodeKey(Files.readString(Path.of(keyFile), StandardCharsets.US_ASCII), keyFile);
            }
            Path generated = dataDir.resolve(GENERATED_FILE);
            if (Files.exists(generated)) {
                return decodeKey(Files.readString(generated, StandardCharsets.US_ASCII), generated.toString());
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.createDirectories(dataDir);
            Files.writeString(generated, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            SecretFiles.restrictToOwner(generated);
            LOG.info("Generated a new secrets key in {}; back it up: without it, stored account numbers cannot be read", generated);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secrets key", e);
        }
    }

    private static byte[] decodeKey(String text, String source) {
        byte[] key = Base64.getDecoder().decode(text.strip());
        if (key.length != 32) {
            throw new IllegalStateException("The secrets key in " + source + " must be 32 bytes, base64-encoded");
        }
        return key;
    }
}
