package ru.voronka.documents;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The buyers' КПП, ОГРН, address and bank, keyed by the directory's counterparty id. */
@Service
@Transactional
public class BuyerDirectory {

  private final JdbcTemplate jdbc;

  BuyerDirectory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public BuyerRequisites of(Long counterpartyId) {
    if (counterpartyId == null) {
      return BuyerRequisites.NONE;
    }
    List<BuyerRequisites> rows = jdbc.query("select * from counterparty_requisites where counterparty_id = ?",
        (rs, n) -> new BuyerRequisites(rs.getString("kpp"), rs.getString("ogrn"), rs.getString("legal_address"),
            rs.getString("bank_name"), rs.getString("bik"), rs.getString("account"), rs.getString("corr_account")),
        counterpartyId);
    return rows.isEmpty() ? BuyerRequisites.NONE : rows.get(0);
  }

  public void save(Long counterpartyId, BuyerRequisites r) {
    jdbc.update("delete from counterparty_requisites where counterparty_id = ?", counterpartyId);
    jdbc.update("insert into counterparty_requisites (counterparty_id, kpp, ogrn, legal_address, bank_name, bik, account,"
        + " corr_account) values (?, ?, ?, ?, ?, ?, ?, ?)", counterpartyId, r.kpp(), r.ogrn(), r.legalAddress(), r.bankName(),
        r.bik(), r.account(), r.corrAccount());
  }
}
