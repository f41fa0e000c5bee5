package io.parley.server.accounts;

import io.parley.shared.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface AccountRepository extends JpaRepository<AccountEntity, String> {

    Optional<AccountEntity> findByEmail(String email);

    boolean existsByEmail(String email);

    Page<AccountEntity> findByRole(Role role, Pageable pageable);
}
