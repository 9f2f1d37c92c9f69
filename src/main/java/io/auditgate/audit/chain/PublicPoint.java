package io.auditgate.audit.chain;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;

/**
 * The public point {@code d·G} of an EC private key over a prime field, so that a PKCS#8 file alone is enough to
 * sign and to name the signer's public key. Plain double-and-add: run once at start-up, not per signature.
 */
final class PublicPoint {

    private PublicPoint() {
    }

    static ECPoint of(ECPrivateKey key) {
        var params = key.getParams();
        var p = ((ECFieldFp) params.getCurve().getField()).getP();
        var a = params.getCurve().getA();
        ECPoint result = ECPoint.POINT_INFINITY;
        var addend = params.getGenerator();
        var d = key.getS();
        for (int i = 0; i < d.bitLength(); i++) {
            if (d.testBit(i)) {
                result = add(result, addend, a, p);
            }
            addend = add(addend, addend, a, p);
        }
        return result;
    }

    private static ECPoint add(ECPoint q, ECPoint r, BigInteger a, BigInteger p) {
        if (q.equals(ECPoint.POINT_INFINITY)) {
            return r;
        }
        if (r.equals(ECPoint.POINT_INFINITY)) {
            return q;
        }
        BigInteger slope;
        if (q.getAffineX().equals(r.getAffineX())) {
            if (!q.getAffineY().equals(r.getAffineY()) || q.getAffineY().signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            var x2 = q.getAffineX().pow(2).multiply(BigInteger.valueOf(3)).add(a);
            slope = x2.multiply(q.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            slope = r.getAffineY().subtract(q.getAffineY())
                    .multiply(r.getAffineX().subtract(q.getAffineX()).modInverse(p)).mod(p);
        }
        var x = slope.pow(2).subtract(q.getAffineX()).subtract(r.getAffineX()).mod(p);
        var y = slope.multiply(q.getAffineX().subtract(x)).subtract(q.getAffineY()).mod(p);
        return new ECPoint(x, y);
    }
}
