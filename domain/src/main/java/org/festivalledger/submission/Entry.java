package org.festivalledger.submission;

import java.util.List;

/** A film as its entrant describes it. */
public record Entry(String title,
                    List<String> team,
                    String country,
                    int runtimeMinutes,
                    String synopsis,
                    AiDisclosure aiDisclosure) {
}
