package io.parley.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.parley.shared.StorableText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the framework's validation and parsing failures into the {@code details} list of {field, message}. */
final class ValidationProblems {
    private ValidationProblems() {
    }

    static List<FieldProblem> of(Errors result) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        result.getGlobalErrors().forEach(e -> problems.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
        return problems;
    }

    static List<FieldProblem> of(HandlerMethodValidationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                problems.addAll(of(errors));
                continue;
            }
            String name = parameterName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                problems.add(new FieldProblem(name, error.getDefaultMessage()));
            }
        }
        return problems;
    }

    static List<FieldProblem> of(ConstraintViolationException e) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = null;
            for (Path.Node node : violation.getPropertyPath()) field = node.getName();
            problems.add(new FieldProblem(field, violation.getMessage()));
        }
        return problems;
    }

    /** Malformed JSON or UTF-8, text that cannot be stored, a wrong type, an unknown enum value, or no body. */
    static List<FieldProblem> of(HttpMessageNotReadableException e) {
        if (Causes.find(e, MalformedUtf8Exception.class) != null) {
            return List.of(new FieldProblem("body", "is not valid UTF-8"));
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnstorableTextException text) {
            return List.of(new FieldProblem(path(text), StorableText.PROBLEM));
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return List.of(new FieldProblem(path(format), "must be one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants())));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return List.of(new FieldProblem(path(mismatch), "has the wrong type or format"));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return List.of(new FieldProblem(path(mapping), "is invalid"));
        }
        if (cause instanceof JsonMappingException) {
            return List.of(new FieldProblem("body", "does not have the expected shape"));
        }
        if (cause instanceof JsonProcessingException) {
            return List.of(new FieldProblem("body", "is not valid JSON"));
        }
        return List.of(new FieldProblem("body", "is missing or unreadable"));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) return param.name();
        return parameter.getParameterName();
    }
}
