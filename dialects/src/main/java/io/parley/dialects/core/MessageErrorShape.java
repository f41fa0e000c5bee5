package io.parley.dialects.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a dialect's REST controller whose refusals take the shape of {@link MessageErrors}, written by
 * {@link MessageRestErrors}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageErrorShape {
}
