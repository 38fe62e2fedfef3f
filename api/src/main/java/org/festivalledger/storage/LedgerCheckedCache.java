package org.festivalledger.storage;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.festivalledger.ledger.LedgerLog;

import java.lang.reflect.Field;

/**
 * An aggregate cache that stays correct when several nodes share one ledger. A cached aggregate is used only if
 * the ledger holds no later event of it (one exact-key lookup: is there an event numbered version + 1?);
 * otherwise another node has moved it on, and it is loaded afresh instead of failing its next command on a
 * concurrency conflict.
 * <p>
 * On a store this node alone writes ({@link LedgerLog#isSoleWriter()}) there is no other node: every event of the
 * aggregate was appended through this cache's repository under the aggregate's lock, and a command that failed
 * after loading it removed it (Axon does so on rollback). The cached aggregate is then current, and the lookup,
 * a store read on every score, is skipped.
 */
final class LedgerCheckedCache implements Cache {

    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final LedgerLog ledger;

    LedgerCheckedCache(Cache delegate, LedgerLog ledger) {
        this.delegate = delegate;
        this.ledger = ledger;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && key instanceof String aggregateId) {
            Long version = versionOf(entry);
            if (version == null || !ledger.isSoleWriter() && ledger.hasSequence(aggregateId, version + 1)) {
                delegate.remove(key);
                return null;
            }
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return delegate.registerCacheEntryListener(listener);
    }

    // Axon keeps the version in the entry without a getter; reading it is the only way to check it.
    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more", e);
        }
    }
}
