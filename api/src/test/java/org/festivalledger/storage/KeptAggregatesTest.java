package org.festivalledger.storage;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeptAggregatesTest {

    @Test
    void aJudgingIsKeptThroughAGarbageCollection() {
        Cache kept = new KeptAggregates(4);
        Cache weak = new WeakReferenceCache();
        kept.put("bench/judging", new Object());
        weak.put("bench/judging", new Object());

        System.gc();

        assertThat((Object) kept.get("bench/judging")).isNotNull();
        // Why Axon's default is not used: nothing else holds a judging between two commands.
        assertThat((Object) weak.get("bench/judging")).isNull();
    }

    @Test
    void pastItsCapacityTheAggregateUsedLongestAgoIsForgotten() {
        Cache kept = new KeptAggregates(2);
        List<Object> expired = new ArrayList<>();
        kept.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        kept.put("a/judging", "a");
        kept.put("b/judging", "b");
        kept.get("a/judging");

        kept.put("c/judging", "c");

        assertThat(expired).containsExactly("b/judging");
        assertThat(kept.containsKey("a/judging")).isTrue();
        assertThat(kept.containsKey("b/judging")).isFalse();
        assertThat(kept.containsKey("c/judging")).isTrue();
    }

    @Test
    void aRemovedOrReplacedAggregateIsNoLongerServed() {
        Cache kept = new KeptAggregates(2);
        kept.put("a/judging", "first");
        assertThat(kept.putIfAbsent("a/judging", "second")).isFalse();
        kept.put("a/judging", "third");
        assertThat((Object) kept.get("a/judging")).isEqualTo("third");

        assertThat(kept.remove("a/judging")).isTrue();

        assertThat((Object) kept.get("a/judging")).isNull();
        assertThat(kept.remove("a/judging")).isFalse();
    }
}
