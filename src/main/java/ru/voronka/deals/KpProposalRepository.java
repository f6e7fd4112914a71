package ru.voronka.deals;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KpProposalRepository extends JpaRepository<KpProposal, Long> {

  Optional<KpProposal> findByDealId(Long dealId);
}
