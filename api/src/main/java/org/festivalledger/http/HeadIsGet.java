package org.festivalledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code HEAD} is {@code GET} without the body (RFC 9110, 9.3.2), so every layer after this one — who may call it,
 * rate limits, {@code minPosition}, the handler — decides about a HEAD exactly as about the GET it stands for, and a
 * HEAD is answered wherever a GET is (the security rules name GET only; without this a HEAD met "deny"). Tomcat knows
 * the request is a HEAD and sends the answer's headers without its body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 16)
public class HeadIsGet extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
