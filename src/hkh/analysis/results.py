"""Everything hkh computes for one project in one language, each part computed once, on first use.

Every output of a command or of `hkh run` reads its figures from one `Results`: the report shows the same survey
tables as the workbook, the triangulation's survey figures come from those tables, and nothing is computed twice.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from hkh.project.load import Project

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.analysis.gaps import GapAnalysis
    from hkh.analysis.plan import PlanTable
    from hkh.analysis.stats import StatsTable
    from hkh.analysis.status import Status
    from hkh.analysis.triangulation import Triangulation
    from hkh.survey.codebook import Codebook
    from hkh.survey.tables import SurveyTables


class Results:
    def __init__(self, project: Project, language: str | None = None) -> None:
        from hkh.survey.screening import masked_project

        # what looks like personal data in the team's texts is masked in every output until checked (`hkh docs privacy`)
        self.project = masked_project(project)[0]
        self.language = language or project.language
        self._survey: dict[str, SurveyTables] = {}
        self._codebooks: dict[str, Codebook] = {}

    @cached_property
    def survey_ids(self) -> list[str]:
        """The imported surveys, by source id."""
        from hkh.survey.store import list_imported_surveys

        return list_imported_surveys(self.project)

    def survey_tables(self, source_id: str) -> SurveyTables:
        """The published one-way tables of one imported survey, with the project's settings."""
        if source_id not in self._survey:
            from hkh.survey.tables import build_survey_tables

            self._survey[source_id] = build_survey_tables(self.project, source_id, language=self.language)
        return self._survey[source_id]

    def use_tables(self, tables: SurveyTables) -> None:
        """Tables built earlier from the same survey with the same settings (`hkh run` keeps them between runs)."""
        self._survey[tables.source] = tables

    @property
    def built_tables(self) -> list[SurveyTables]:
        """The survey tables this `Results` holds (built or given)."""
        return list(self._survey.values())

    def codebook(self, source_id: str) -> Codebook:
        """The codebook of one imported survey (questions, and participation as `hkh import` counted it)."""
        if source_id not in self._codebooks:
            from hkh.survey.codebook import Codebook
            from hkh.survey.store import CODEBOOK, display_in, survey_dir

            path = survey_dir(self.project, source_id) / CODEBOOK
            self._codebooks[source_id] = Codebook.load(path, display_in(self.project.root, path))
        return self._codebooks[source_id]

    @cached_property
    def triangulation(self) -> Triangulation:
        from hkh.analysis.triangulation import triangulate

        return triangulate(self.project, self.language, tables_of=self.survey_tables)

    @cached_property
    def strengths(self) -> Triangulation:
        """The triangulation without the survey figures its evidence cites (the strengths do not depend on them):
        for callers that need only counts, such as `hkh status`, so that no survey is read."""
        if "triangulation" in self.__dict__:
            return self.triangulation
        from hkh.analysis.triangulation import triangulate

        return triangulate(self.project, self.language, survey_figures=False)

    @cached_property
    def gaps(self) -> GapAnalysis:
        from hkh.analysis.gaps import analyse_gaps

        return analyse_gaps(self.project, self.language)

    @cached_property
    def plan(self) -> PlanTable:
        from hkh.analysis.plan import plan_table

        return plan_table(self.project, self.language)

    @cached_property
    def stats(self) -> list[StatsTable]:
        from hkh.analysis.stats import read_stats_tables

        return read_stats_tables(self.project)

    @cached_property
    def status(self) -> Status:
        from hkh.analysis.status import mapping_status

        return mapping_status(self.project, self.strengths, self.gaps)
