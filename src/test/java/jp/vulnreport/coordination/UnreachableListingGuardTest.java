package jp.vulnreport.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service itself refuses to put a developer (or its products) on the public unreachable list
 * unless a coordinator confirmed the listing, whatever the diagram does.
 */
class UnreachableListingGuardTest extends IntegrationTest {

  @Autowired Cases cases;
  @Autowired Coordinations coordinations;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aDeveloperIsListedOnlyAfterACoordinatorConfirmedTheListing() {
    String tn = cases.submit("report-self").trackingNumber();
    coordinations.open(tn, List.of(new Coordinations.Selected("sample-soft", "DIRECT")), "coordinator1");

    assertThatThrownBy(() -> coordinations.listing(tn, "sample-soft", "DEVELOPER"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not confirmed");
    assertThatThrownBy(() -> coordinations.listing(tn, "sample-soft", "PRODUCTS"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(coordinations.get(tn, "sample-soft").listedAt()).isNull();
    assertThat(coordinations.listedNow()).noneMatch(k -> k.trackingNumber().equals(tn));

    // what Task_ConfirmUnreachable records when the coordinator confirms
    jdbc.update("UPDATE vr_coordination SET listing_confirmed_by = ?, listing_confirmed_at = CURRENT_TIMESTAMP "
        + "WHERE tracking_number = ? AND developer_id = ?", "coordinator1", tn, "sample-soft");
    coordinations.listing(tn, "sample-soft", "DEVELOPER");
    assertThat(coordinations.get(tn, "sample-soft").listedAt()).isNotNull();
    assertThat(coordinations.listedNow()).anyMatch(k -> k.trackingNumber().equals(tn));
    // taking it off the list needs no confirmation
    coordinations.listing(tn, "sample-soft", "REMOVE");
    assertThat(coordinations.listedNow()).noneMatch(k -> k.trackingNumber().equals(tn));
  }
}
