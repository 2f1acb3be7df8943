package org.tomoni.platform.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key file of {@link SecretBox}: one {@code <key id> <base64 key>} per line, the first one
 * current, the others kept only to decrypt until a rotation has re-encrypted everything. A file
 * from builds before key ids holds one bare base64 master key; it reads as the key id
 * {@value #LEGACY}.
 */
public record EncryptionKeys(Map<String, byte[]> keys) {
    public static final String LEGACY = "legacy";
    private static final SecureRandom RANDOM = new SecureRandom();

    public EncryptionKeys {
        if (keys.isEmpty()) {
            throw new IllegalStateException("No encryption key");
        }
        keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public String currentId() {
        return keys.keySet().iterator().next();
    }

    public static EncryptionKeys read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    static EncryptionKeys parse(String text, String source) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.size() == 1 && !lines.get(0).contains(" ")) {
            keys.put(LEGACY, decode(lines.get(0), source));
        } else {
            for (String line : lines) {
                String[] parts = line.split("\\s+");
                if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,40}") || keys.containsKey(parts[0])) {
                    throw new IllegalStateException("Each line of " + source + " must be '<key id> <base64 key>' with distinct ids");
                }
                keys.put(parts[0], decode(parts[1], source));
            }
        }
        return new EncryptionKeys(keys);
    }

    /** A ring of one new random key. */
    public static EncryptionKeys generate(LocalDate today) {
        Map<String, byte[]> one = new LinkedHashMap<>();
        putNew(one, today);
        return new EncryptionKeys(one);
    }

    /** A new random key, named by today's date and a random suffix, put first; the others stay to decrypt. */
    public EncryptionKeys withNewCurrent(LocalDate today) {
        Map<String, byte[]> next = new LinkedHashMap<>();
        putNew(next, today);
        next.putAll(keys);
        return new EncryptionKeys(next);
    }

    private static void putNew(Map<String, byte[]> into, LocalDate today) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        into.put("k" + today.toString().replace("-", "") + HexFormat.of().formatHex(suffix), key);
    }

    /** Only the current key: after a rotation has re-encrypted every stored secret. */
    public EncryptionKeys currentOnly() {
        return new EncryptionKeys(Map.of(currentId(), keys.get(currentId())));
    }

    /** Written atomically, readable by the owner only. */
    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Tomoni encryption keys: '<key id> <base64 key>'; the first is current, the others only decrypt.");
        keys.forEach((id, key) -> lines.add(id + " " + Base64.getEncoder().encodeToString(key)));
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.write(tmp, lines, StandardCharsets.US_ASCII);
        SecretFiles.restrictToOwner(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] decode(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A key in " + source + " is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("Each key in " + source + " must be 32 bytes, base64-encoded");
        }
        return key;
    }
}
