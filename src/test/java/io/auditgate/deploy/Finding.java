package io.auditgate.deploy;

/** One problem in the template: where it is ({@code LogicalId.Properties.A.B[0].C}) and what is wrong. */
record Finding(String path, String problem) {

    @Override
    public String toString() {
        return path + ": " + problem;
    }
}
