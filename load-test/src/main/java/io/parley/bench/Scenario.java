package io.parley.bench;

/** One benchmark: drives the target and leaves results, checks, summary lines and the timeline in the run. */
interface Scenario {
    void run(Run run) throws Exception;

    static Scenario named(String name) {
        return switch (name) {
            case "chat" -> new ChatScenario();
            case "connections" -> new ConnectionsScenario();
            case "ceiling" -> new CeilingScenario();
            case "replay" -> new ReplayScenario();
            case "history" -> new HistoryScenario();
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }
}
