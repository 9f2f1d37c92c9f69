package io.auditgate.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where signing keys come from: a JWKS URL, fetched with a short timeout and cached (5 minutes, refreshed ahead of
 * expiry, refetched at most every 30 s when an unknown key id appears), or a local JWKS file read once at start-up.
 */
final class JwksSources {

    static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
    static final int MAX_JWKS_BYTES = 256 * 1024;

    private JwksSources() {
    }

    /** @throws IllegalArgumentException if a file cannot be read as a JWKS or the URL is malformed */
    static JWKSource<VerificationTime> of(String location, Duration timeout) {
        return of(location, timeout, Optional.empty());
    }

    /** As above, fetching a URL through {@code proxy} (an HTTP proxy; CONNECT for https) when one is given. */
    static JWKSource<VerificationTime> of(String location, Duration timeout, Optional<InetSocketAddress> proxy) {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            return url(location, timeout, proxy);
        }
        return file(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
    }

    private static JWKSource<VerificationTime> url(String location, Duration timeout, Optional<InetSocketAddress> proxy) {
        var millis = (int) timeout.toMillis();
        try {
            var retriever = new DefaultResourceRetriever(millis, millis, MAX_JWKS_BYTES);
            proxy.ifPresent(address -> retriever.setProxy(new Proxy(Proxy.Type.HTTP, address)));
            return JWKSourceBuilder.<VerificationTime>create(URI.create(location).toURL(), retriever)
                    .cache(CACHE_TIME_TO_LIVE.toMillis(), timeout.toMillis())
                    .rateLimited(true)
                    .retrying(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWKS URL is malformed", e);
        }
    }

    private static JWKSource<VerificationTime> file(Path path) {
        try {
            return new ImmutableJWKSet<>(JWKSet.load(path.toFile()).toPublicJWKSet());
        } catch (IOException | ParseException e) {
            throw new IllegalArgumentException("JWKS file " + path + " cannot be read as a JWK set ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
