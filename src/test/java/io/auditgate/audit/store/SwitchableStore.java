package io.auditgate.audit.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A store with an outage switch ({@link #down}: every put fails) and a count of the puts that reached it (tests). */
final class SwitchableStore implements AuditStore {

    final AtomicInteger puts = new AtomicInteger();
    volatile boolean down;
    private final AuditStore store;

    SwitchableStore(AuditStore store) {
        this.store = store;
    }

    @Override
    public Put put(AuditObject object) throws IOException {
        if (down) {
            throw new IOException("store down");
        }
        puts.incrementAndGet();
        return store.put(object);
    }

    @Override
    public List<String> list(String keyPrefix) throws IOException {
        return store.list(keyPrefix);
    }

    @Override
    public Optional<byte[]> read(String key) throws IOException {
        return store.read(key);
    }

    @Override
    public String describe() {
        return "switchable " + store.describe();
    }
}
