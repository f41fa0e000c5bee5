package io.parley.server.web;

/** One entry of a VALIDATION_FAILED error's details: which field, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
