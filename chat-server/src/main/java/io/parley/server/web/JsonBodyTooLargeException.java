package io.parley.server.web;

import java.io.IOException;

/** A JSON body without Content-Length grew past the limit while being read. */
class JsonBodyTooLargeException extends IOException {

    JsonBodyTooLargeException(long limit) {
        super("JSON body over " + limit + " bytes");
    }
}
