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
        return supports(jwt.getHeader().getAlgorithm()) && jwt.verify(keys.verifier());
    }
}
