package io.parley.server.web;

import io.parley.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/** Answers 400 VALIDATION_FAILED, naming the parameter, for a query string with text Parley cannot store. */
class QueryTextFilter extends OncePerRequestFilter {
    private final ErrorWriter errors;

    QueryTextFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        List<FieldProblem> problems = query == null ? List.of() : QueryText.problems(query);
        if (problems.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            errors.write(response, 400, ErrorCode.VALIDATION_FAILED, "Request validation failed", problems);
        }
    }
}
