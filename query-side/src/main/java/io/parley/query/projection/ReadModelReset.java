package io.parley.query.projection;

/**
 * Why the read models' processor was reset: to rebuild one read model (by name) or all of them (null). The
 * processor replays every event; the read model being rebuilt starts empty, and the others see events they have
 * already applied, which their version guards skip.
 */
public record ReadModelReset(String readModel) {

    public static ReadModelReset all() {
        return new ReadModelReset(null);
    }

    public boolean rebuilds(String name) {
        return readModel == null || readModel.equals(name);
    }
}
