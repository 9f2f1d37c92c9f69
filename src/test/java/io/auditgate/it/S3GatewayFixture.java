package io.auditgate.it;

import io.auditgate.audit.chain.Pem;
import io.auditgate.simulator.BedrockSimulator;
import io.auditgate.simulator.SimulatorOptions;
import io.auditgate.testing.S3MockProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a gateway process ({@link GatewayProcess}) that audits to S3 runs against, for the ITs that start the jar
 * themselves: a new work directory, S3Mock with an Object Lock bucket (stopped and started again on the same data to
 * make an outage), the Bedrock simulator, an EC key pair that signs the digests, and the environment that points the
 * gateway at all of them. A new directory per run, since journals (and their digest chains) left by an earlier run in
 * the same {@code target/} would be shipped into this run's empty bucket and fail the verifier.
 */
final class S3GatewayFixture implements AutoCloseable {

    /** S3Mock accepts any credentials; the SDK, the gateway's and the verifier's, needs some. */
    private static final String FAKE_KEY = "s3mock-it";
    private static final String FAKE_SECRET = "s3mock-it-secret";

    final String bucket;
    final Path work;
    private final Path s3root;
    private final int s3port;
    /** What {@link #close} ends, newest first; S3Mock by its current process, which an outage replaces. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private S3MockProcess s3mock;
    private S3Client s3;
    private BedrockSimulator simulator;
    private Path signingKey;
    private Path publicKey;

    private S3GatewayFixture(String bucket, Path work) throws IOException {
        this.bucket = bucket;
        this.work = work;
        this.s3root = Files.createTempDirectory(work, "s3mock");
        this.s3port = S3MockProcess.freePort();
    }

    /** Starts S3Mock with {@code bucket}, the simulator on a free port, and writes the signing key pair. */
    static S3GatewayFixture start(String bucket) throws Exception {
        var parent = Files.createDirectories(Path.of(System.getProperty("it.audit.dir")).getParent());
        var fixture = new S3GatewayFixture(bucket, Files.createTempDirectory(parent, "it-" + bucket + "-"));
        try {
            fixture.startAll();
            return fixture;
        } catch (Exception | Error e) {
            fixture.close();
            throw e;
        }
    }

    private void startAll() throws IOException, InterruptedException, GeneralSecurityException {
        startS3();
        opened.push(() -> s3mock.close());
        s3 = s3mock.client();
        opened.push(s3);
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        simulator = BedrockSimulator.start(SimulatorOptions.defaults().withPort(S3MockProcess.freePort()));
        opened.push(simulator);
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = generator.generateKeyPair();
        signingKey = Files.writeString(work.resolve("digest-signing-key.pem"),
                Pem.encode(keys.getPrivate().getEncoded(), "PRIVATE KEY"));
        publicKey = Files.writeString(work.resolve("digest-public-key.pem"),
                Pem.encode(keys.getPublic().getEncoded(), "PUBLIC KEY"));
    }

    /**
     * A gateway auditing to this bucket under {@code prefix} as chain {@code instance}, journaling to {@code journal},
     * shipping a segment a second and signing a digest every five; mutable, for a test's own additions.
     */
    Map<String, String> gatewayEnv(String prefix, String instance, Path journal) {
        var env = new HashMap<String, String>();
        env.put("BEDROCK_ENDPOINT", simulator.endpoint().toString());
        env.put("AUDIT_STORE", "s3");
        env.put("AUDIT_BUCKET", bucket);
        env.put("AUDIT_PREFIX", prefix);
        env.put("AUDIT_REGION", "us-east-1");
        env.put("AUDIT_S3_ENDPOINT", s3mock.endpoint.toString());
        env.put("AUDIT_KMS_KEY_ID", S3MockProcess.KMS_KEY_ID);
        env.put("AUDIT_LOCK_MODE", "GOVERNANCE");
        env.put("AUDIT_SIGNING_KEY_FILE", signingKey.toString());
        env.put("AUDIT_INSTANCE", instance);
        env.put("AUDIT_JOURNAL_DIR", journal.toString());
        env.put("AUDIT_SEGMENT_MAX_AGE", "PT1S");
        env.put("AUDIT_DIGEST_INTERVAL", "PT5S");
        env.put("AWS_ACCESS_KEY_ID", FAKE_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", FAKE_SECRET);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    BedrockSimulator simulator() {
        return simulator;
    }

    /** The records in the bucket, schema-checked. */
    BucketTrail trail() {
        return new BucketTrail(s3, bucket);
    }

    /** The outage: S3Mock stops; its data stays for {@link #startS3}. */
    void stopS3() {
        s3mock.close();
    }

    /** S3Mock (again) on the same port and data. */
    void startS3() throws IOException, InterruptedException {
        s3mock = S3MockProcess.start(s3root, s3port);
    }

    boolean s3IsUp() {
        return s3mock.isAlive();
    }

    URI s3Endpoint() {
        return s3mock.endpoint;
    }

    /** The verifier, in this JVM, on the trail under {@code prefix} with the public key; {@code extra} arguments. */
    AuditTrailCheck.Verification verifier(String prefix, String... extra) {
        System.setProperty("aws.accessKeyId", FAKE_KEY);
        System.setProperty("aws.secretAccessKey", FAKE_SECRET);
        var args = new ArrayList<>(List.of("--bucket", bucket, "--prefix", prefix, "--endpoint",
                s3Endpoint().toString(), "--region", "us-east-1", "--path-style", "--public-key", publicKey.toString()));
        args.addAll(List.of(extra));
        return AuditTrailCheck.runVerifier(args.toArray(String[]::new));
    }

    @Override
    public void close() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }
}
