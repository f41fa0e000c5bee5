package io.parley.query.analytics;

import io.parley.shared.ApiResponse;
import io.parley.shared.query.AnalyticsSummaryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** {@code /api/analytics}: support figures for auditors and admins (enforced by the security chain). */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics", description = "Support figures from the analytics read model, rebuilt from the events")
class AnalyticsController {
    private final AnalyticsQueries queries;
    private final Clock clock = Clock.systemUTC();

    AnalyticsController(AnalyticsQueries queries) {
        this.queries = queries;
    }

    @Operation(summary = "Figures of the chats started in [from, to): counts, first response and resolution"
            + " percentiles, CSAT, by category, priority, day and agent",
            description = "Every figure belongs to the chat's start: a chat started in the window counts with all"
                    + " its messages, its resolution and its close, whenever they happened. First response = the"
                    + " chat's first customer message to the first staff message; resolution = start to the first"
                    + " resolve. Durations in seconds. See docs/analytics.md.")
    @GetMapping("/summary")
    ApiResponse<AnalyticsSummaryView> summary(
            @Parameter(description = "Start, inclusive: ISO-8601 time with offset, or a date (its UTC midnight)."
                    + " Default: 30 days before to.")
            @RequestParam(required = false) String from,
            @Parameter(description = "End, exclusive: ISO-8601 time with offset, or a date (included, up to the"
                    + " next UTC midnight). Default: now.")
            @RequestParam(required = false) String to,
            @Parameter(description = "Only the chats this staff member held, resolved or wrote in.")
            @RequestParam(required = false) String agentId,
            @Parameter(description = "Only chats of this category.")
            @RequestParam(required = false) String category) {
        return ApiResponse.ok(queries.handle(SummaryWindow.of(from, to, agentId, category, clock)));
    }
}
