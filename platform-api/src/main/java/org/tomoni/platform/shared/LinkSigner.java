package org.tomoni.platform.shared;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * HMAC-SHA256 signatures for links sent by e-mail (donors' gift pages, later partners' links),
 * with a key of their own ({@code LINK_SIGNING_KEY_FILE}, or generated into the data folder):
 * replacing it voids every link in circulation and nothing else.
 */
@Context
public class LinkSigner {
    private static final Logger LOG = LoggerFactory.getLogger(LinkSigner.class);
    public static final String GENERATED_FILE = "link-signing.key";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    LinkSigner(@Value("${platform.links.key-file:}") String keyFile, @Value("${platform.data-dir:./data}") String dataDir) {
        key = new SecretKeySpec(load(keyFile(keyFile, Path.of(dataDir)), keyFile != null && !keyFile.isBlank()), "HmacSHA256");
    }

    public static Path keyFile(String configured, Path dataDir) {
        return configured != null && !configured.isBlank() ? Path.of(configured) : dataDir.resolve(GENERATED_FILE);
    }

    /** A URL-safe signature of {@code payload}. */
    public String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String payload, String signature) {
        return signature != null
            && MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** A link's token: the payload's fields joined by {@code :}, URL-safe, and its signature after a dot. */
    public String seal(String... fields) {
        String payload = String.join(":", fields);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
    }

    /** The fields of a token this key sealed, when there are exactly {@code count}; empty for anything else (forged, cut, too long). */
    public java.util.Optional<String[]> open(String token, int count) {
        if (token == null || token.length() > 500) {
            return java.util.Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return java.util.Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            String[] parts = payload.split(":");
            return verify(payload, token.substring(dot + 1)) && parts.length == count ? java.util.Optional.of(parts) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Writes a new random key into {@code file} (atomically, owner-only). */
    public static void generate(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(tmp, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
        SecretFiles.restrictToOwner(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] load(Path file, boolean configured) {
        try {
            if (!Files.exists(file) && !configured) {
                Files.createDirectories(file.getParent());
                generate(file);
                LOG.info("Generated a new link-signing key in {}", file);
            }
            byte[] bytes = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (bytes.length < 32) {
                throw new IllegalStateException("The link-signing key in " + file + " must be at least 32 bytes, base64-encoded");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the link-signing key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The link-signing key in " + file + " is not base64");
        }
    }
}
