"""Julia as Rouge 3.30 lexes it."""

from __future__ import annotations

import re

from ..engine import LETTER_NL, WORD, RegexLexer, rule, unicode_class

# Rouge writes these in extended mode, where the spaces inside "mutable struct" and
# "for outer" are ignored too.
BUILTINS = r"""\b(?:
    true | false | missing | nothing | Inf | Inf16 | Inf32 | Inf64 | NaN | NaN16 | NaN32
    | NaN64 | stdout | stderr | stdin | devnull | pi | π | ℯ | im | ARGS | C_NULL | ENV
    | ENDIAN_BOM | VERSION | undef | (LOAD|DEPOT)_PATH
)\b"""
KEYWORDS = r"""\b(?:
    function | return | module | import | export | if | else | elseif | end | for | in
    | isa | while | try | catch | const | local | global | using | struct
    | mutable struct | abstract type | finally | begin | do | quote | macro
    | for outer | where
)\b"""
TYPE_NAMES = """
    ARPACKException AbstractArray AbstractChannel AbstractChar AbstractDict
    AbstractDisplay AbstractFloat AbstractIrrational AbstractLogger AbstractMatrix
    AbstractREPL AbstractRNG AbstractRange AbstractSerializer AbstractSet
    AbstractSparseArray AbstractSparseMatrix AbstractSparseVector AbstractString
    AbstractUnitRange AbstractVecOrMat AbstractVector AbstractWorkerPool Adjoint Any
    ArgumentError Array AssertionError Base64DecodePipe Base64EncodePipe BasicREPL
    Bidiagonal BigFloat BigInt BitArray BitMatrix BitSet BitVector Bool BoundsError
    BunchKaufman CachingPool CapturedException CartesianIndex CartesianIndices Cchar
    Cdouble Cfloat Channel Char Cholesky CholeskyPivoted Cint Cintmax_t Clong Clonglong
    ClusterManager Cmd Colon Complex ComplexF16 ComplexF32 ComplexF64 CompositeException
    Condition ConsoleLogger Cptrdiff_t Cshort Csize_t Cssize_t Cstring Cuchar Cuint
    Cuintmax_t Culong Culonglong Cushort Cvoid Cwchar_t Cwstring DataType Date
    DateFormat DatePeriod DateTime Day DenseArray DenseMatrix DenseVecOrMat DenseVector
    Diagonal Dict DimensionMismatch Dims DivideError DomainError EOFError Eigen Enum
    ErrorException Exception ExponentialBackOff Expr FDWatcher Factorization FileMonitor
    Float16 Float32 Float64 FolderMonitor Function GeneralizedEigen GeneralizedSVD
    GeneralizedSchur GenericArray GenericDict GenericSet GenericString GitConfig GitRepo
    GlobalRef HMAC_CTX HTML Hermitian Hessenberg Hour IO IOBuffer IOContext IOStream
    IPAddr IPv4 IPv6 IdDict IndexCartesian IndexLinear IndexStyle InexactError InitError
    Int Int128 Int16 Int32 Int64 Int8 Integer InterruptException InvalidStateException
    Irrational KeyError LAPACKException LDLt LQ LU LinRange LineEditREPL LineNumberNode
    LinearIndices LoadError LogLevel LowerTriangular MIME Matrix MersenneTwister Method
    MethodError Microsecond Millisecond Minute Missing MissingException Module Month
    NTuple NamedTuple Nanosecond Nothing NullLogger Number OrdinalRange OutOfMemoryError
    OverflowError PackageMode PackageSpec Pair PartialQuickSort Period PermutedDimsArray
    Pipe PollingFileWatcher PosDefException ProcessExitedException Ptr QR QRPivoted
    QuoteNode RandomDevice RankDeficientException Rational RawFD ReadOnlyMemoryError
    Real ReentrantLock Ref Regex RegexMatch RemoteChannel RemoteException RoundingMode
    SHA1_CTX SHA224_CTX SHA256_CTX SHA2_224_CTX SHA2_256_CTX SHA2_384_CTX SHA2_512_CTX
    SHA384_CTX SHA3_224_CTX SHA3_256_CTX SHA3_384_CTX SHA3_512_CTX SHA512_CTX SVD Schur
    Second SegmentationFault Serializer Set SharedArray SharedMatrix SharedVector Signed
    SimpleLogger SingularException Some SparseMatrixCSC SparseVector StackOverflowError
    StepRange StepRangeLen StreamREPL StridedArray StridedMatrix StridedVecOrMat
    StridedVector String StringIndexError SubArray SubString SubstitutionString
    SymTridiagonal Symbol Symmetric SystemError TCPSocket Task TestSetException Text
    TextDisplay Time TimePeriod TimeType TimeZone Timer Transpose Tridiagonal Tuple Type
    TypeError TypeVar UDPSocket UInt UInt128 UInt16 UInt32 UInt64 UInt8 UTC UUID
    UndefInitializer UndefKeywordError UndefRefError UndefVarError UniformScaling Union
    UnionAll UnitLowerTriangular UnitRange UnitUpperTriangular Unsigned UpgradeLevel
    UpperTriangular Val Vararg VecElement VecOrMat Vector VersionNumber WeakKeyDict
    WeakRef Week WorkerConfig WorkerPool Year
""".split()
TYPES = r"\b(?:" + "|".join(TYPE_NAMES) + r")\b"
OPERATORS = r"""
    \+ | = | - | \* | / | \\ | & | \| | \$ | ~ | \^ | % | ! | >>> | >> | << | && | \|\|
    | \+= | -= | \*= | /= | \\= | ÷= | %= | \^= | &= | \|= | \$= | >>>= | >>= | <<= | ==
    | != | ≠ | <= | ≤ | >= | ≥ | \. | :: | <: | -> | \? | \.\* | \.\^ | \.\\ | \./
    | \\ | < | > | ÷ | >: | : | === | !== | =>
"""


def _groups_then(classes: tuple, state: str):
    def callback(lexer: RegexLexer, match: "re.Match[str]") -> None:
        lexer.groups(*classes)
        lexer.push(state)
    return callback


class JuliaLexer(RegexLexer):
    states = {
        "root": [
            rule(r"\n", ""),
            rule(r"[^\S\n]+", ""),
            rule(r"\#=", "cm", "blockcomment"),
            rule(r"\#.*$", "c"),
            rule(OPERATORS, "o", flags=re.X),
            rule(r"\\\n", ""),
            rule(r"\\", ""),
            rule(r"(function|macro)((?:\s|\\\s)+)", _groups_then(("k", "nf"), "funcname")),
            rule(r"((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)",
                 _groups_then(("k", "nc"), "typename")),
            rule(TYPES, "kt"),
            rule(r"(local|global|const)\b", "kd"),
            rule(KEYWORDS, "k", flags=re.X),
            rule(BUILTINS, "nb", flags=re.X),
            rule(r"`.*?`", "sb"),
            rule(r"'(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}|\\U[a-fA-F0-9]{1,6}|[^\\'\n])'",
                 "sc"),
            # Rouge's transpose rule starts with a lookbehind, which never sees past the
            # scan position: it cannot match and is left out.
            rule(r'(?:[IL])"', "s", "string"),
            rule(r'[E]?"', "s", "string"),
            rule(r"@[\w.]+", "nd"),
            rule(r"(?:[a-zA-Z_\u00A1-\uffff]|[\u1000-\u10ff])(?:[a-zA-Z_0-9\u00A1-\uffff]|[\u1000-\u10ff])*!*",
                 "n"),
            rule(r"[\[\]{}(),;]", "x"),
            rule(r"(\d+(_\d+)+\.\d*|\d*\.\d+(_\d+)+)([eEf][+-]?[0-9]+)?", "mf"),
            rule(r"(\d+\.\d*|\d*\.\d+)([eEf][+-]?[0-9]+)?", "mf"),
            rule(r"\d+(_\d+)+[eEf][+-]?[0-9]+", "mf"),
            rule(r"\d+[eEf][+-]?[0-9]+", "mf"),
            rule(r"0b[01]+(_[01]+)+", "mb"),
            rule(r"0b[01]+", "mb"),
            rule(r"0o[0-7]+(_[0-7]+)+", "mo"),
            rule(r"0o[0-7]+", "mo"),
            rule(r"0x[a-fA-F0-9]+(_[a-fA-F0-9]+)+", "mh"),
            rule(r"0x[a-fA-F0-9]+", "mh"),
            rule(r"\d+(_\d+)+", "mi"),
            rule(r"\d+", "mi"),
        ],
        "blockcomment": [
            rule(r"[^=#]", "cm"),
            rule(r"\#=", "cm", "blockcomment"),
            rule(r"=\#", "cm", "#pop"),
            rule(r"[=#]", "cm"),
        ],
        "string": [
            rule(r"""\\([\\abfnrtv"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})""",
                 "se"),
            rule(r'"', "s", "#pop"),
            rule(r'\\\\|\\"|\\\n', "se"),
            rule(r"\$(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?", "si"),
            rule(r'[^\\"$]+', "s"),
            rule(r'["\\]', "s"),
            rule(r"\$", "s"),
        ],
    }

    def __init__(self) -> None:
        super().__init__()
        if "funcname" not in self.states:
            # Ruby's [\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*: Unicode tables are built
            # on first use only.
            name = rf"(?:{LETTER_NL}|{unicode_class('S')}|_)(?:{WORD}|{unicode_class('S Po')}|!)*"
            type(self).states = {
                **self.states,
                "funcname": [
                    rule(name, "nf", "#pop"),
                    rule(r"\([^\s\w{]{1,2}\)", "o", "#pop"),
                    rule(r"[^\s\w{]{1,2}", "o", "#pop"),
                ],
                "typename": [rule(name, "nc", "#pop")],
            }
