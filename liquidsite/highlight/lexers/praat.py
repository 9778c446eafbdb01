"""Praat scripts as Rouge 3.30 lexes them.

Rouge's word operator rule opens with a lookbehind, which under Ruby's StringScanner sees
nothing before the scan position and so always holds: it is left out. A ``\\b`` that opens a
match holds there exactly when a word character follows, written so.
"""

from __future__ import annotations

import re
from typing import Callable

from ..engine import Mixin, RegexLexer, rule

KEYWORDS = """
    if then else elsif elif endif fi for from to endfor endproc while endwhile repeat until select
    plus minus demo assert stopwatch nocheck nowarn noprogress editor endeditor clearinfo
""".split()
FUNCTIONS_STRING = """
    backslashTrigraphsToUnicode chooseDirectory chooseReadFile chooseWriteFile date demoKey do
    environment extractLine extractWord fixed info left mid percent readFile replace replace_regex
    right selected string unicodeToBackslashTrigraphs
""".split()
FUNCTIONS_NUMERIC = """
    abs appendFile appendFileLine appendInfo appendInfoLine arccos arccosh arcsin arcsinh arctan
    arctan2 arctanh barkToHertz beginPause beginSendPraat besselI besselK beta beta2 binomialP
    binomialQ boolean ceiling chiSquareP chiSquareQ choice comment cos cosh createDirectory
    deleteFile demoClicked demoClickedIn demoCommandKeyPressed demoExtraControlKeyPressed
    demoInput demoKeyPressed demoOptionKeyPressed demoShiftKeyPressed demoShow demoWaitForInput
    demoWindowTitle demoX demoY differenceLimensToPhon do editor endPause endSendPraat endsWith
    erb erbToHertz erf erfc exitScript exp extractNumber fileReadable fisherP fisherQ floor gaussP
    gaussQ hash hertzToBark hertzToErb hertzToMel hertzToSemitones imax imin incompleteBeta
    incompleteGammaP index index_regex integer invBinomialP invBinomialQ invChiSquareQ invFisherQ
    invGaussQ invSigmoid invStudentQ length ln lnBeta lnGamma log10 log2 max melToHertz min
    minusObject natural number numberOfColumns numberOfRows numberOfSelected objectsAreIdentical
    option optionMenu pauseScript phonToDifferenceLimens plusObject positive randomBinomial
    randomGauss randomInteger randomPoisson randomUniform real readFile removeObject rindex
    rindex_regex round runScript runSystem runSystem_nocheck selectObject selected
    semitonesToHertz sentence sentencetext sigmoid sin sinc sincpi sinh soundPressureToPhon sqrt
    startsWith studentP studentQ tan tanh text variableExists word writeFile writeFileLine
    writeInfo writeInfoLine
""".split()
FUNCTIONS_ARRAY = """
    linear randomGauss randomInteger randomUniform zero
""".split()
OBJECTS = """
    Activation AffineTransform AmplitudeTier Art Artword Autosegment BarkFilter BarkSpectrogram
    CCA Categories Cepstrogram Cepstrum Cepstrumc ChebyshevSeries ClassificationTable Cochleagram
    Collection ComplexSpectrogram Configuration Confusion ContingencyTable Corpus Correlation
    Covariance CrossCorrelationTable CrossCorrelationTableList CrossCorrelationTables DTW
    DataModeler Diagonalizer Discriminant Dissimilarity Distance Distributions DurationTier EEG
    ERP ERPTier EditCostsTable EditDistanceTable Eigen Excitation Excitations ExperimentMFC FFNet
    FeatureWeights FileInMemory FilesInMemory Formant FormantFilter FormantGrid FormantModeler
    FormantPoint FormantTier GaussianMixture HMM HMM_Observation HMM_ObservationSequence HMM_State
    HMM_StateSequence HMMObservation HMMObservationSequence HMMState HMMStateSequence Harmonicity
    ISpline Index Intensity IntensityTier IntervalTier KNN KlattGrid KlattTable LFCC LPC Label
    LegendreSeries LinearRegression LogisticRegression LongSound Ltas MFCC MSpline ManPages
    Manipulation Matrix MelFilter MelSpectrogram MixingMatrix Movie Network OTGrammar OTHistory
    OTMulti PCA PairDistribution ParamCurve Pattern Permutation Photo Pitch PitchModeler PitchTier
    PointProcess Polygon Polynomial PowerCepstrogram PowerCepstrum Procrustes RealPoint RealTier
    ResultsMFC Roots SPINET SSCP SVD Salience ScalarProduct Similarity SimpleString
    SortedSetOfString Sound Speaker Spectrogram Spectrum SpectrumTier SpeechSynthesizer
    SpellingChecker Strings StringsIndex Table TableOfReal TextGrid TextInterval TextPoint
    TextTier Tier Transition VocalTract VocalTractTier Weight WordList
""".split()
VARIABLES_NUMERIC = """
    all average e left macintosh mono pi praatVersion right stereo undefined unix windows
""".split()
VARIABLES_STRING = """
    praatVersion tab shellDirectory homeDirectory preferencesDirectory newline temporaryDirectory
    defaultDirectory
""".split()
OBJECT_ATTRIBUTES = """
    ncol nrow xmin ymin xmax ymax nx ny dx dy
""".split()
WORD_START = r"(?u:(?=\w))"


def _then(css: str, state: str) -> Callable[[RegexLexer, "re.Match[str]"], None]:
    """A token that replaces the current state by *state*."""
    def action(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.token(css)
        lexer.pop()
        lexer.push(state)
    return action


class PraatLexer(RegexLexer):
    states = {
        "root": [
            rule(r"(\s+)(#.*?$)", ("", "c1")),
            rule(r"^#.*?$", "c1"),
            rule(r";[^\n]*", "c1"),
            rule(r"\s+", ""),
            rule(rf"({WORD_START}procedure)(\s+)", ("k", ""), "procedure_definition"),
            rule(rf"({WORD_START}call)(\s+)", ("k", ""), "procedure_call"),
            rule(r"@", "nf", "procedure_call"),
            Mixin("function_call"),
            rule(r"\b(?:select all)\b", "k"),
            rule(rf"\b(?:{'|'.join(KEYWORDS)})\b", "k"),
            rule(rf"({WORD_START}form\b)(\s+)([^\n]+)", ("k", "", "s"), "old_form"),
            rule(r"(print(?:line|tab)?|echo|exit|asserterror|pause|send(?:praat|socket)|include|execute"
                 r"|system(?:_nocheck)?)(\s+)", ("k", ""), "string_unquoted"),
            rule(r"(goto|label)(\s+)(\w+)", ("k", "", "nl")),
            Mixin("variable_name"),
            Mixin("number"),
            rule(r'"', "s", "string"),
            rule(rf"\b(?:{'|'.join(OBJECTS)})(?=\s+\S+\n)", "nc", "string_unquoted"),
            rule(r"\b(?=[A-Z])", "", "command"),
            rule(r"(\.{3}|[)(,$])", "p"),
        ],
        "command": [
            rule(r"( ?([^\s:.'])+ ?)", "k"),
            Mixin("string_interpolated"),
            rule(r"\.{3}", _then("k", "old_arguments")),
            rule(r":", _then("k", "comma_list")),
            rule(r"[\s]", "", "#pop"),
        ],
        "procedure_call": [
            Mixin("string_interpolated"),
            rule(r"(:|\s*\()", "p", "#pop"),
            rule(r"'", "nf"),
            rule(r"[^:('\s]+", "nf"),
            rule(r"(?=\s+)", _then("", "old_arguments")),
        ],
        "procedure_definition": [
            rule(r"(:|\s*\()", "p", "#pop"),
            rule(r"[^:(\s]+", "nf"),
            rule(r"(\s+)", "", "#pop"),
        ],
        "function_call": [
            rule(rf"\b({'|'.join(FUNCTIONS_STRING)})\$(?=\s*[:(])", "nf", "function"),
            rule(rf"\b({'|'.join(FUNCTIONS_ARRAY)})#(?=\s*[:(])", "nf", "function"),
            rule(rf"\b({'|'.join(FUNCTIONS_NUMERIC)})(?=\s*[:(])", "nf", "function"),
        ],
        "function": [
            rule(r"\s+", ""),
            rule(r"(?::|\s*\()", _then("", "comma_list")),
        ],
        "comma_list": [
            rule(r"(\s*\n\s*)(\.{3})", ("", "p")),
            rule(r"\s*[\])\n]", "", "#pop"),
            rule(r"\s+", ""),
            rule(r'"', "s", "string"),
            rule(r"\b(if|then|else|fi|endif)\b", "k"),
            Mixin("function_call"),
            Mixin("variable_name"),
            Mixin("operator"),
            Mixin("number"),
            rule(r"[()]", ""),
            rule(r",", "p"),
        ],
        "old_arguments": [
            rule(r"\n", "", "#pop"),
            Mixin("variable_name"),
            Mixin("operator"),
            Mixin("number"),
            rule(r'"', "s", "string"),
            rule(r"[^\n]", ""),
        ],
        "number": [
            rule(r"\n", "", "#pop"),
            rule(r"\b\d+(\.\d*)?([eE][-+]?\d+)?%?", "m"),
        ],
        "variable_name": [
            Mixin("operator"),
            Mixin("number"),
            rule(rf"\b(?:{'|'.join(VARIABLES_STRING)})\$", "nb"),
            rule(rf"\b(?:{'|'.join(VARIABLES_NUMERIC)})(?!\$)\b", "nb"),
            rule(rf"\b(Object|{'|'.join(OBJECTS)})_", "nb", "object_reference"),
            rule(r"\.?[a-z][a-zA-Z0-9_.]*(\$|#)?", ""),
            rule(r"[\[\]]", "", "comma_list"),
            Mixin("string_interpolated"),
        ],
        "object_reference": [
            Mixin("string_interpolated"),
            rule(r"([a-z][a-zA-Z0-9_]*|\d+)", "nb"),
            rule(rf"\.({'|'.join(OBJECT_ATTRIBUTES)})\b", "nb", "#pop"),
            rule(r"\$", "nb"),
            rule(r"\[", "", "#pop"),
        ],
        "operator": [
            rule(r"([+/*<>=!-]=?|[&*|][&*|]?|\^|<>)", "o"),
            rule(r"(and|or|not|div|mod)(?![\w.])", "ow"),
        ],
        "string_interpolated": [
            rule(r"""'[._a-z][^\[\]'":]*(\[([\d,]+|"[\w,]+")\])?(:[0-9]+)?'""", "si"),
        ],
        "string_unquoted": [
            rule(r"\n\s*\.{3}", "p"),
            rule(r"\n", "", "#pop"),
            rule(r"\s", ""),
            Mixin("string_interpolated"),
            rule(r"'", "s"),
            rule(r"[^'\n]+", "s"),
        ],
        "string": [
            rule(r"\n\s*\.{3}", "p"),
            rule(r'"', "s", "#pop"),
            Mixin("string_interpolated"),
            rule(r"'", "s"),
            rule(r"""[^'"\n]+""", "s"),
        ],
        "old_form": [
            rule(r"(\s+)(#.*?$)", ("", "c1")),
            rule(r"\s+", ""),
            rule(r"(optionmenu|choice)([ \t]+\S+:[ \t]+)", ("k", ""), "number"),
            rule(r"(option|button)([ \t]+)", ("k", ""), "string_unquoted"),
            rule(r"(sentence|text)([ \t]+\S+)", ("k", ""), "string_unquoted"),
            rule(r"(word)([ \t]+\S+[ \t]*)(\S+)?([ \t]+.*)?", ("k", "", "s", "")),
            rule(r'(boolean)(\s+\S+\s*)(0|1|"?(?:yes|no)"?)', ("k", "", "nv")),
            rule(r"(real|natural|positive|integer)([ \t]+\S+[ \t]*)([+-]?)", ("k", "", "o"), "number"),
            rule(r"(comment)(\s+)", ("k", ""), "string_unquoted"),
            rule(r"\bendform\b", "k", "#pop"),
        ],
    }
