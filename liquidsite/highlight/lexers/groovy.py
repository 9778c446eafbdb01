"""Groovy and Gradle as Rouge 3.30 lexes them.

A method definition's return type goes to a shallow clone of the lexer (Ruby's ``clone``):
the clone shares the state stack, so a state it pushes stays pushed.
"""

from __future__ import annotations

import copy
import re

from ..engine import RegexLexer, rule

KEYWORDS = frozenset("""
    assert break case catch continue default do else finally for
    if goto instanceof new return switch this throw try while in as
""".split())
DECLARATIONS = frozenset("""
    abstract const enum extends final implements native private
    protected public static strictfp super synchronized throws
    transient volatile
""".split())
TYPES = frozenset("def boolean byte char double float int long short void".split())
CONSTANTS = frozenset("true false null".split())


def _method(lexer: RegexLexer, match: "re.Match[str]") -> None:
    lexer.delegate(copy.copy(lexer), match.group(1))
    lexer.token("nf", match.group(2))
    lexer.token("", match.group(3))
    lexer.token("o", match.group(4))


def _word(lexer: "GroovyLexer", match: "re.Match[str]") -> None:
    word = match.group(0)
    if word in lexer.keywords:
        lexer.token("k")
    elif word in DECLARATIONS:
        lexer.token("kd")
    elif word in lexer.types:
        lexer.token("kt")
    elif word in CONSTANTS:
        lexer.token("kc")
    else:
        lexer.token("n")


class GroovyLexer(RegexLexer):
    keywords = KEYWORDS
    types = TYPES
    states = {
        "root": [
            rule(r"""^
                (\s*(?:\w[\w.\[\]]*\s+)+?) # return arguments
                (\w\w*) # method name
                (\s*) (\() # signature start
            """, _method, flags=re.X),
            rule(r"[^\S\n]+", ""),
            rule(r"//.*?$", "c1"),
            rule(r"/[*].*?[*]/", "cm", flags=re.S),
            rule(r"@\w[\w.]*", "nd"),
            rule(r"(class|interface|trait)\b", "kd", "class"),
            rule(r"package\b", "kn", "import"),
            rule(r"import\b", "kn", "import"),
            rule(r'""".*?"""', "s2", flags=re.S),
            rule(r"'''.*?'''", "s1", flags=re.S),
            rule(r'"(\\.|\\\n|.)*?"', "s2"),
            rule(r"'(\\.|\\\n|.)*?'", "s1"),
            rule(r"\$/(\$.|.)*?/\$", "s", flags=re.S),
            rule(r"/(\\.|\\\n|.)*?/", "s"),
            rule(r"'\\.'|'[^\\]'|'\\u[0-9a-f]{4}'", "sc"),
            rule(r"(\.)([a-zA-Z_][a-zA-Z0-9_]*)", ("o", "na")),
            rule(r"[a-zA-Z_][a-zA-Z0-9_]*:", "nl"),
            rule(r"[a-zA-Z_$][a-zA-Z0-9_]*", _word),
            rule(r"[~^*!%&\[\](){}<>|+=:;,./?-]", "o"),
            rule(r"\d+\.\d+([eE]\d+)?[fd]?", "mf"),
            rule(r"0x[0-9a-f]+", "mh"),
            rule(r"[0-9]+L?", "mi"),
            rule(r"\n", ""),
        ],
        "class": [rule(r"\s+", ""), rule(r"\w\w*", "nc", "#pop")],
        "import": [rule(r"\s+", ""), rule(r"[\w.]+[*]?", "nn", "#pop")],
    }


class GradleLexer(GroovyLexer):
    keywords = KEYWORDS | frozenset("""
        allprojects artifacts buildscript configuration dependencies
        repositories sourceSets subprojects publishing
    """.split())
    types = TYPES | frozenset("""
        Project Task Gradle Settings Script JavaToolChain SourceSet
        SourceSetOutput IncrementalTaskInputs Configuration
        ResolutionStrategy ArtifactResolutionQuery ComponentSelection
        ComponentSelectionRules ConventionProperty ExtensionAware
        ExtraPropertiesExtension PublishingExtension IvyPublication
        IvyArtifact IvyArtifactSet IvyModuleDescriptorSpec
        MavenPublication MavenArtifact MavenArtifactSet MavenPom
        PluginDependenciesSpec PluginDependencySpec ResourceHandler
        TextResourceFactory
    """.split())
