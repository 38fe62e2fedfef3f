package org.festivalledger.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild check's digest of a view is the SHA-256 of its canonical JSON, streamed rather than held. */
class ViewDigestTest {

    private final ProjectionRebuildCheck check =
            new ProjectionRebuildCheck(null, null, null, null, null, null, null, null, null, null);

    @Test
    void theDigestOfAViewIsTheSha256OfItsJsonWithKeysInOrder() throws Exception {
        Map<String, Object> view = Map.of("title", "Film 7", "scores", List.of(7.5, 8), "entry", "e7");

        assertThat(check.digestOf(view)).isEqualTo(sha256("{\"entry\":\"e7\",\"scores\":[7.5,8],\"title\":\"Film 7\"}"));
    }

    @Test
    void aViewMuchLargerThanTheSerialisersBuffersIsDigestedWhole() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 20_000; i++) {
            String key = String.format("entry-%05d", i);
            rows.put(key, "row " + i);
            json.append(i == 0 ? "" : ",").append('"').append(key).append("\":\"row ").append(i).append('"');
        }
        json.append('}');

        assertThat(check.digestOf(rows)).isEqualTo(sha256(json.toString()));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
