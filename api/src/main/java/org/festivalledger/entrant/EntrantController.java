package org.festivalledger.entrant;

import jakarta.servlet.http.HttpServletRequest;
import org.festivalledger.http.ClientAddress;
import org.festivalledger.language.PageLanguage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Map;

/** Entrants' own API: a sign-in link by email. */
@RestController
class EntrantController {

    private final EntrantSignInRequests signIns;

    EntrantController(EntrantSignInRequests signIns) {
        this.signIns = signIns;
    }

    /** The address and the language the entrant reads ({@code zh-CN} or {@code en}). */
    record SignInLinkRequest(String email, String language) {
    }

    @PostMapping(path = "/api/entrants/sign-in-links", consumes = "application/json")
    ResponseEntity<Map<String, String>> signInLink(@RequestBody SignInLinkRequest request,
                                                   HttpServletRequest http) {
        signIns.ask(request.email(), request.language(),
                PageLanguage.fromAcceptLanguage(http.getHeader("Accept-Language")),
                ClientAddress.of(http.getRemoteAddr()), ServletUriComponentsBuilder.fromContextPath(http).build().toUri());
        return ResponseEntity.accepted().body(Map.of("status",
                "if this address can receive mail, a sign-in link is on its way; it works once"));
    }
}
