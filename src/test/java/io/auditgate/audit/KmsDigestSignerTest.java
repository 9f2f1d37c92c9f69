package io.auditgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The KMS signer through the real AWS SDK against a loopback stand-in for KMS's JSON 1.1 API
 * ({@code TrentService.GetPublicKey}, {@code TrentService.Sign}) that holds a local P-256 key.
 */
class KmsDigestSignerTest {

    private HttpServer kms;
    private KeyPair key;
    private final List<String> messageTypes = new ArrayList<>();

    @BeforeEach
    void startKms() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        key = generator.generateKeyPair();
        kms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kms.createContext("/", exchange -> {
            var request = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
            var target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String body;
            try {
                body = switch (target) {
                    case "TrentService.GetPublicKey" -> Json.createObjectBuilder().add("KeyId", request.getString("KeyId"))
                            .add("PublicKey", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()))
                            .add("KeySpec", "ECC_NIST_P256").add("KeyUsage", "SIGN_VERIFY").build().toString();
                    case "TrentService.Sign" -> sign(request.getString("Message"), request.getString("MessageType"));
                    default -> throw new IllegalArgumentException(target);
                };
            } catch (Exception e) {
                body = "{}";
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        kms.start();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    private String sign(String message, String type) throws Exception {
        messageTypes.add(type);
        var signature = Signature.getInstance("RAW".equals(type) ? "SHA256withECDSA" : "NONEwithECDSA");
        signature.initSign(key.getPrivate());
        signature.update(Base64.getDecoder().decode(message));
        return Json.createObjectBuilder().add("Signature", Base64.getEncoder().encodeToString(signature.sign()))
                .add("SigningAlgorithm", "ECDSA_SHA_256").build().toString();
    }

    @AfterEach
    void stopKms() {
        kms.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private KmsDigestSigner signer() {
        var client = AuditStores.kms(Optional.of("us-east-1"), Optional.of(URI.create("http://127.0.0.1:" + kms.getAddress().getPort())));
        return new KmsDigestSigner(client, "arn:aws:kms:us-east-1:123456789012:key/test");
    }

    private boolean verifies(byte[] publicKeyDer, byte[] message, byte[] signature) throws Exception {
        var verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKeyDer)));
        verifier.update(message);
        return verifier.verify(signature);
    }

    @Test
    void signaturesFromKmsVerifyWithThePublicKeyKmsReports() throws Exception {
        var signer = signer();
        var small = "{\"digest_version\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        var large = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);

        assertThat(verifies(signer.publicKeyDer(), small, signer.sign(small))).isTrue();
        assertThat(verifies(signer.publicKeyDer(), large, signer.sign(large))).isTrue();
        assertThat(messageTypes).containsExactly("RAW", "DIGEST");
        assertThat(signer.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    }
}
