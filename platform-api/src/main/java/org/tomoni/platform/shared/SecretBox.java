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
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Application-level encryption of secrets at rest (bank account numbers) with AES-256-GCM. The
 * keys live outside the database: in {@code SECRETS_KEY_FILE}, or generated once into the data
 * folder. Every sealed value names its key id ({@code v2:<id>:…}), so a rotation can add a key,
 * re-encrypt, and retire the old one. A database dump alone reveals no account number.
 */
// Created at start-up, so a missing or malformed key stops the platform at once instead of at the first sign-up.
@io.micronaut.context.annotation.Context
public class SecretBox {
    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    public static final String GENERATED_FILE = "secrets.key";
    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    @jakarta.inject.Inject
    SecretBox(@Value("${platform.secrets.key-file:}") String keyFile, @Value("${platform.data-dir:./data}") String dataDir) {
        this(load(keyFile, Path.of(dataDir)));
    }

    public SecretBox(EncryptionKeys ring) {
        ring.keys().forEach((id, key) -> keys.put(id, new SecretKeySpec(
            EncryptionKeys.LEGACY.equals(id) ? legacyEncryptionKey(key) : key, "AES")));
        currentId = ring.currentId();
    }

    /** The key file in use: {@code SECRETS_KEY_FILE}, or the generated one in the data folder. */
    public static Path keyFile(String configured, Path dataDir) {
        return configured != null && !configured.isBlank() ? Path.of(configured) : dataDir.resolve(GENERATED_FILE);
    }

    public String currentKeyId() {
        return currentId;
    }

    /** True when {@code sealed} is not under the current key (a rotation re-encrypts it). */
    public boolean sealedUnderOlderKey(String sealed) {
        return sealed != null && !sealed.startsWith(V2 + currentId + ":");
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(128, iv));
            // The key id is bound to the ciphertext, so a value cannot be relabelled to another key.
            cipher.updateAAD(currentId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return V2 + currentId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty when the text was not sealed with one of these keys (or was tampered with). */
    public Optional<String> decrypt(String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        if (sealed.startsWith(V1)) {
            return open(keys.get(EncryptionKeys.LEGACY), null, sealed.substring(V1.length()));
        }
        if (sealed.startsWith(V2)) {
            int colon = sealed.indexOf(':', V2.length());
            if (colon < 0) {
                return Optional.empty();
            }
            String id = sealed.substring(V2.length(), colon);
            return open(keys.get(id), id, sealed.substring(colon + 1));
        }
        return Optional.empty();
    }

    private static Optional<String> open(SecretKeySpec key, String aad, String body) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(body);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            if (aad != null) {
                cipher.updateAAD(aad.getBytes(StandardCharsets.US_ASCII));
            }
            return Optional.of(new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Builds before key ids derived the encryption key from one master key. */
    private static byte[] legacyEncryptionKey(byte[] master) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal("encrypt".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EncryptionKeys load(String keyFile, Path dataDir) {
        Path file = keyFile(keyFile, dataDir);
        try {
            if (Files.exists(file) || keyFile != null && !keyFile.isBlank()) {
                return EncryptionKeys.read(file);
            }
            EncryptionKeys generated = EncryptionKeys.generate(LocalDate.now(ZoneOffset.UTC));
            Files.createDirectories(dataDir);
            generated.write(file);
            LOG.info("Generated a new secrets key in {}; back it up: without it, stored account numbers cannot be read", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secrets key " + file, e);
        }
    }
}
