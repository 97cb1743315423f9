"""Surveys: reading SurveyXact exports, the codebook, the stored survey, tables and disclosure control."""
