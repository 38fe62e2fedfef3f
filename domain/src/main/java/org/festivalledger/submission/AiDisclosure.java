package org.festivalledger.submission;

import java.util.List;

/** The entrant's declaration of the AI tools used and the workflow they were used in. */
public record AiDisclosure(List<String> tools, AiWorkflow workflow) {
}
