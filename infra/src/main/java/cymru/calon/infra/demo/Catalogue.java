package cymru.calon.infra.demo;

import cymru.calon.commands.api.episode.OutcomeType;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.service.Cohort;
import java.util.List;

/**
 * The invented services of the demo: four cohorts, seven Welsh local authorities and health boards,
 * three provider organisations and seven commissioners. One organisation runs a service of each
 * style, because the contract, not the organisation, sets how a service works.
 */
final class Catalogue {
  private Catalogue() {}

  // Provider organisations, by index: a regional third-sector provider, relational by choice; a
  // national provider bidding for KPI-led contracts; a refugee and wellbeing charity.
  static final int CWTSH = 0;
  static final int SWIFTPATH = 1;
  static final int NOSTOS = 2;
  static final int ORGANISATIONS = 3;

  // Commissioners, by index: two area planning boards (substance use), the Welsh Government
  // (sanctuary), three councils (Housing Support Grant) and a university health board.
  static final int CARDIFF_VALE_APB = 0;
  static final int WESTERN_BAY_APB = 1;
  static final int WELSH_GOVERNMENT = 2;
  static final int WREXHAM_COUNCIL = 3;
  static final int BRIDGEND_COUNCIL = 4;
  static final int NEWPORT_COUNCIL = 5;
  static final int CWM_TAF_MORGANNWG_UHB = 6;
  static final int COMMISSIONERS = 7;

  /**
   * One commissioned service.
   *
   * @param weight its share of the referrals
   * @param maxEpisodeDays the contract's funding time limit, if any
   * @param aftercareWeeks the aftercare the contract promises, if any
   */
  record Plan(
      String name,
      Cohort cohort,
      String areaCode,
      int organisation,
      int commissioner,
      Practice practice,
      double weight,
      Integer maxEpisodeDays,
      Integer aftercareWeeks) {}

  static final List<Plan> SERVICES =
      List.of(
          new Plan(
              "Cardiff Recovery Together",
              Cohort.SUBSTANCE_USE,
              "W06000015", // Cardiff
              CWTSH,
              CARDIFF_VALE_APB,
              Practice.RELATIONAL,
              1.2,
              null,
              12),
          new Plan(
              "Swansea Bay Substance Use Pathway",
              Cohort.SUBSTANCE_USE,
              "W11000031", // Swansea Bay University Health Board
              SWIFTPATH,
              WESTERN_BAY_APB,
              Practice.KPI_DRIVEN,
              1.2,
              84,
              null),
          new Plan(
              "Cardiff Sanctuary Companions",
              Cohort.SANCTUARY,
              "W06000015", // Cardiff
              NOSTOS,
              WELSH_GOVERNMENT,
              Practice.RELATIONAL,
              1.0,
              null,
              12),
          new Plan(
              "Swansea Sanctuary Advice Line",
              Cohort.SANCTUARY,
              "W06000011", // Swansea
              SWIFTPATH,
              WELSH_GOVERNMENT,
              Practice.KPI_DRIVEN,
              1.0,
              84,
              null),
          new Plan(
              "Wrexham Housing Support",
              Cohort.HOUSING_SUPPORT,
              "W06000006", // Wrexham
              CWTSH,
              WREXHAM_COUNCIL,
              Practice.RELATIONAL,
              1.0,
              null,
              12),
          new Plan(
              "Bridgend Tenancy Support",
              Cohort.HOUSING_SUPPORT,
              "W06000013", // Bridgend
              SWIFTPATH,
              BRIDGEND_COUNCIL,
              Practice.KPI_DRIVEN,
              1.0,
              84,
              null),
          new Plan(
              "Newport Housing Pathway",
              Cohort.HOUSING_SUPPORT,
              "W06000022", // Newport
              CWTSH,
              NEWPORT_COUNCIL,
              Practice.KPI_DRIVEN,
              0.8,
              112,
              null),
          new Plan(
              "Cwm Taf Morgannwg Wellbeing Companions",
              Cohort.MENTAL_HEALTH,
              "W11000030", // Cwm Taf Morgannwg University Health Board
              NOSTOS,
              CWM_TAF_MORGANNWG_UHB,
              Practice.RELATIONAL,
              0.8,
              null,
              8));

  static List<OutcomeType> outcomeTypes(Cohort cohort) {
    return switch (cohort) {
      case SUBSTANCE_USE ->
          List.of(
              OutcomeType.SUBSTANCE_USE_REDUCED,
              OutcomeType.ABSTINENT,
              OutcomeType.HOUSING_SECURED,
              OutcomeType.EMPLOYMENT_OR_VOLUNTEERING,
              OutcomeType.MENTAL_HEALTH_SUPPORT_ACCESSED,
              OutcomeType.FAMILY_REUNITED);
      case SANCTUARY ->
          List.of(
              OutcomeType.STATUS_GRANTED,
              OutcomeType.HOUSING_SECURED,
              OutcomeType.EDUCATION,
              OutcomeType.MENTAL_HEALTH_SUPPORT_ACCESSED,
              OutcomeType.FAMILY_REUNITED,
              OutcomeType.EMPLOYMENT_OR_VOLUNTEERING);
      case HOUSING_SUPPORT ->
          List.of(
              OutcomeType.HOUSING_SECURED,
              OutcomeType.TENANCY_SUSTAINED,
              OutcomeType.EMPLOYMENT_OR_VOLUNTEERING,
              OutcomeType.MENTAL_HEALTH_SUPPORT_ACCESSED,
              OutcomeType.OTHER);
      case MENTAL_HEALTH, OTHER ->
          List.of(
              OutcomeType.MENTAL_HEALTH_SUPPORT_ACCESSED,
              OutcomeType.EMPLOYMENT_OR_VOLUNTEERING,
              OutcomeType.EDUCATION,
              OutcomeType.HOUSING_SECURED,
              OutcomeType.OTHER);
    };
  }

  /** Weights for {@link #outcomeTypes}, the most common outcome of the cohort first. */
  static double[] outcomeWeights(Cohort cohort) {
    return switch (cohort) {
      case SUBSTANCE_USE -> new double[] {0.45, 0.15, 0.12, 0.1, 0.12, 0.06};
      case SANCTUARY -> new double[] {0.3, 0.2, 0.2, 0.1, 0.1, 0.1};
      case HOUSING_SUPPORT -> new double[] {0.45, 0.3, 0.1, 0.1, 0.05};
      case MENTAL_HEALTH, OTHER -> new double[] {0.4, 0.2, 0.15, 0.1, 0.15};
    };
  }

  static final List<ReferralSource> SOURCES = List.of(ReferralSource.values());

  /** Weights over {@link ReferralSource#values()} in declaration order. */
  static double[] sourceWeights(Cohort cohort) {
    // SELF, GP, HOSPITAL, PROBATION, ACCOMMODATION_PROVIDER, OTHER_AGENCY, FAMILY_OR_FRIEND, OTHER
    return switch (cohort) {
      case SUBSTANCE_USE -> new double[] {0.3, 0.2, 0.1, 0.18, 0.02, 0.14, 0.05, 0.01};
      case SANCTUARY -> new double[] {0.18, 0.08, 0.02, 0.0, 0.35, 0.33, 0.03, 0.01};
      case HOUSING_SUPPORT -> new double[] {0.25, 0.05, 0.1, 0.1, 0.12, 0.33, 0.04, 0.01};
      case MENTAL_HEALTH, OTHER -> new double[] {0.2, 0.5, 0.18, 0.0, 0.0, 0.08, 0.03, 0.01};
    };
  }

  /**
   * Languages people speak, as BCP 47 tags with weights: English and Welsh everywhere; Arabic,
   * Farsi, Pashto, Tigrinya, Kurdish, Ukrainian and Somali among people seeking sanctuary.
   */
  static final List<String> SANCTUARY_LANGUAGES =
      List.of("ar", "fa", "ps", "ti", "ku", "uk", "so", "en");

  static final double[] SANCTUARY_LANGUAGE_WEIGHTS = {0.24, 0.15, 0.12, 0.12, 0.1, 0.12, 0.05, 0.1};
  static final List<String> LANGUAGES = List.of("en", "cy", "pl", "ar");
  static final double[] LANGUAGE_WEIGHTS = {0.85, 0.11, 0.02, 0.02};
}
