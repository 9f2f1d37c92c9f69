package io.auditgate.simulator;

/** Sleeps that give up quietly when the simulator shuts down, keeping the interrupt for the caller to see. */
final class Pauses {

    private Pauses() {
    }

    static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
