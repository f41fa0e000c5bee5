package io.parley.shared;

/** The two sides of a support conversation; read and delivered pointers are kept per side. */
public enum Side {
    CUSTOMER, STAFF;

    public Side other() {
        return this == CUSTOMER ? STAFF : CUSTOMER;
    }
}
