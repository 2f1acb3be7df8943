package org.tomoni.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tomoni.platform.shared.SecretFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The token signing key: a private JWK (EC P-256 → ES256, or RSA → RS256) read from
 * JWT_SIGNING_KEY_FILE, or generated once (EC P-256) into the data folder. No other algorithm
 * is ever accepted.
 */
@Singleton
public class JwtKeys {
    private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);
    public static final String GENERATED_FILE = "jwt-signing-key.jwk.json";

    private final JWSAlgorithm algorithm;
    private final String keyId;
    private final JWSSigner signer;
    private final JWSVerifier verifier;

    JwtKeys(@Value("${platform.jwt.signing-key-file:}") String keyFile,
            @Value("${platform.data-dir:./data}") String dataDir) {
        JWK jwk = load(keyFile, Path.of(dataDir));
        try {
            if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                algorithm = JWSAlgorithm.ES256;
                signer = new ECDSASigner(ec);
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            } else if (jwk instanceof RSAKey rsa && rsa.size() >= 2048) {
                algorithm = JWSAlgorithm.RS256;
                signer = new RSASSASigner(rsa);
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else {
                throw new IllegalStateException("The JWT signing key must be an EC P-256 or an RSA (2048+ bit) private JWK");
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("Unusable JWT signing key: " + e.getMessage(), e);
        }
        keyId = jwk.getKeyID() == null ? "tomoni" : jwk.getKeyID();
    }

    JWSAlgorithm algorithm() {
        return algorithm;
    }

    String keyId() {
        return keyId;
    }

    JWSSigner signer() {
        return signer;
    }

    JWSVerifier verifier() {
        return verifier;
    }

    private static JWK load(String keyFile, Path dataDir) {
        try {
            if (keyFile != null && !keyFile.isBlank()) {
                return parsePrivate(Files.readString(Path.of(keyFile), StandardCharsets.UTF_8));
            }
            Path generated = dataDir.resolve(GENERATED_FILE);
            if (Files.exists(generated)) {
                return parsePrivate(Files.readString(generated, StandardCharsets.UTF_8));
            }
            Files.createDirectories(dataDir);
            ECKey key = generateInto(generated);
            LOG.info("Generated a new JWT signing key in {}", generated);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT signing key", e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key file in use: {@code JWT_SIGNING_KEY_FILE}, or the generated one in the data folder. */
    public static Path keyFile(String configured, Path dataDir) {
        return configured != null && !configured.isBlank() ? Path.of(configured) : dataDir.resolve(GENERATED_FILE);
    }

    /** A new EC P-256 key with a new key id, written atomically (owner-only) to {@code file}; returns its key id. */
    public static ECKey generateInto(Path file) throws IOException, JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
        SecretFiles.restrictToOwner(tmp);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    /** The key id of the key in {@code file}. */
    public static String keyIdOf(Path file) throws IOException {
        JWK jwk = parsePrivate(Files.readString(file, StandardCharsets.UTF_8));
        return jwk.getKeyID() == null ? "tomoni" : jwk.getKeyID();
    }

    private static JWK parsePrivate(String json) {
        try {
            JWK jwk = JWK.parse(json);
            if (!jwk.isPrivate()) {
                throw new IllegalStateException("The JWT signing key file holds no private key");
            }
            return jwk;
        } catch (ParseException e) {
            throw new IllegalStateException("The JWT signing key file is not a JWK: " + e.getMessage(), e);
        }
    }
}
