package io.auditgate.auth;

import static io.auditgate.auth.JwtVerifierTest.NOW;
import static io.auditgate.auth.JwtVerifierTest.POLICY;
import static io.auditgate.auth.JwtVerifierTest.RSA;
import static io.auditgate.auth.JwtVerifierTest.rsaToken;
import static io.auditgate.auth.JwtVerifierTest.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWKS from a file and from a URL served on 127.0.0.1; no other network. */
class JwksSourcesTest {

    private static final Set<String> ALGORITHMS = Set.of("RS256", "ES256");

    @TempDir
    Path dir;

    @Test
    void keysFromAFileVerifyTokens() throws Exception {
        var file = Files.writeString(dir.resolve("jwks.json"), new JWKSet(RSA.toPublicJWK()).toString());

        var verifier = new JwtVerifier(settings(ALGORITHMS, file.toString()));

        assertThat(verifier.verify(rsaToken(RSA, c -> c), POLICY, NOW)).isPresent();
    }

    @Test
    void privateKeysInAFileAreUsedOnlyAsPublicKeys() throws Exception {
        var file = Files.writeString(dir.resolve("jwks.json"), new JWKSet(RSA).toString(false));

        var verifier = new JwtVerifier(settings(ALGORITHMS, file.toUri().toString()));

        assertThat(verifier.verify(rsaToken(RSA, c -> c), POLICY, NOW)).isPresent();
    }

    @Test
    void anUnreadableFileStopsConstruction() {
        assertThatThrownBy(() -> new JwtVerifier(settings(ALGORITHMS, dir.resolve("absent.json").toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent.json");
    }

    @Test
    void keysFromAUrlVerifyTokensAndAreCached() throws Exception {
        var fetches = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            var body = new JWKSet(RSA.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
            var verifier = new JwtVerifier(settings(ALGORITHMS, url));

            assertThat(verifier.verify(rsaToken(RSA, c -> c), POLICY, NOW)).isPresent();
            assertThat(verifier.verify(rsaToken(RSA, c -> c.subject("bob")), POLICY, NOW)).isPresent();
            assertThat(fetches).hasValue(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableUrlRefusesTokensWithoutThrowing() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var verifier = new JwtVerifier(settings(ALGORITHMS, "http://127.0.0.1:" + port + "/jwks"));

        assertThat(verifier.verify(rsaToken(RSA, c -> c), POLICY, NOW)).isEmpty();
    }

    /**
     * auth.jwt.jwks-proxy: the fetch goes to the proxy with the JWKS URL as its absolute target (the URL's own port is
     * closed here, so only the proxy can answer).
     */
    @Test
    void aJwksProxyCarriesTheFetch() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var url = "http://127.0.0.1:" + closed + "/jwks";
        var targets = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            targets.add(exchange.getRequestURI().toString());
            var body = new JWKSet(RSA.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        proxy.start();
        try {
            var plain = settings(ALGORITHMS, url);
            var viaProxy = new JwtSettings(plain.issuer(), plain.audience(), plain.jwks(), plain.algorithms(),
                    plain.clockSkew(), plain.tenantClaim(), plain.jwksTimeout(), plain.maxLifetime(),
                    JwtSettings.proxy("127.0.0.1:" + proxy.getAddress().getPort()));

            assertThat(new JwtVerifier(viaProxy).verify(rsaToken(RSA, c -> c), POLICY, NOW)).isPresent();
            assertThat(targets).containsExactly(url);
            assertThat(new JwtVerifier(plain).verify(rsaToken(RSA, c -> c), POLICY, NOW)).isEmpty();
        } finally {
            proxy.stop(0);
        }
    }
}
