package org.tomoni.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Singleton;

/** How Micronaut Security verifies bearer tokens: our key, our one algorithm, nothing else. */
@Singleton
class JwtSignatureConfiguration implements SignatureConfiguration {
    private final JwtKeys keys;

    JwtSignatureConfiguration(JwtKeys keys) {
        this.keys = keys;
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only " + keys.algorithm().getName() + " is supported";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return keys.algorithm().equals(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        // A token signed by a retired key (its kid) is refused even before the signature is checked.
        return supports(jwt.getHeader().getAlgorithm()) && keys.keyId().equals(jwt.getHeader().getKeyID())
            && jwt.verify(keys.verifier());
    }
}
