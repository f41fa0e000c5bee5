package io.parley.server.web;

import java.io.IOException;

/** A JSON body that is not well-formed UTF-8, found while it is being read. */
class MalformedUtf8Exception extends IOException {

    MalformedUtf8Exception() {
        super("JSON body is not valid UTF-8");
    }
}
