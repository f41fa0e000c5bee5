package io.parley.query.admin;

import io.parley.shared.ApiResponse;
import io.parley.shared.query.ProjectionStatusView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** {@code /api/admin/projections}: read-model status and rebuilds (admins only, enforced by the security chain). */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {
    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    ApiResponse<List<ProjectionStatusView>> list() {
        return ApiResponse.ok(admin.list());
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ApiResponse<Map<String, String>>> replay(@PathVariable String name) {
        admin.replay(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(Map.of("name", name,
                "status", "replaying")));
    }
}
