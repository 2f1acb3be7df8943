package org.tomoni.platform.shared;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SecretBoxTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void a_sealed_value_names_its_key_and_opens_with_a_ring_that_still_holds_it() {
        EncryptionKeys first = EncryptionKeys.generate(TODAY);
        String sealed = new SecretBox(first).encrypt("1234567");
        assertThat(sealed).startsWith("v2:" + first.currentId() + ":").doesNotContain("1234567");

        EncryptionKeys rotated = first.withNewCurrent(TODAY);
        SecretBox during = new SecretBox(rotated);
        assertThat(during.decrypt(sealed)).hasValue("1234567");
        assertThat(during.sealedUnderOlderKey(sealed)).isTrue();
        assertThat(during.sealedUnderOlderKey(during.encrypt("1234567"))).isFalse();
        assertThat(new SecretBox(rotated.currentOnly()).decrypt(sealed)).as("the retired key is gone").isEmpty();
    }

    @Test
    void a_value_relabelled_to_another_key_id_or_altered_opens_with_nothing() {
        EncryptionKeys ring = EncryptionKeys.generate(TODAY).withNewCurrent(TODAY);
        SecretBox box = new SecretBox(ring);
        String sealed = box.encrypt("7654321");
        String otherId = ring.keys().keySet().stream().filter(id -> !id.equals(ring.currentId())).findFirst().orElseThrow();
        assertThat(box.decrypt(sealed.replace(ring.currentId(), otherId))).isEmpty();
        // Flip one bit of the sealed bytes themselves: a changed base64 padding bit would decode to the same bytes.
        int colon = sealed.lastIndexOf(':');
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
        bytes[bytes.length / 2] ^= 1;
        assertThat(box.decrypt(sealed.substring(0, colon + 1) + Base64.getEncoder().encodeToString(bytes))).isEmpty();
        assertThat(box.decrypt("v9:whatever")).isEmpty();
    }

    @Test
    void a_key_file_from_builds_before_key_ids_still_opens_their_values() throws Exception {
        byte[] master = new byte[32];
        new java.security.SecureRandom().nextBytes(master);
        String file = Base64.getEncoder().encodeToString(master) + "\n";
        EncryptionKeys legacy = EncryptionKeys.parse(file, "secrets.key");
        assertThat(legacy.currentId()).isEqualTo(EncryptionKeys.LEGACY);
        String old = sealTheOldWay(master, "1112223");
        assertThat(new SecretBox(legacy).decrypt(old)).hasValue("1112223");
        assertThat(new SecretBox(legacy.withNewCurrent(TODAY)).decrypt(old)).as("after a rotation adds a key").hasValue("1112223");
    }

    /** What builds before key ids wrote: AES-GCM under a key derived from the master, "v1:" and no key id. */
    private static String sealTheOldWay(byte[] master, String plain) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(master, "HmacSHA256"));
        byte[] key = mac.doFinal("encrypt".getBytes(StandardCharsets.US_ASCII));
        byte[] iv = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }
}
