//! The query language of `morgue search`: words (all required, in any of their
//! forms), `=word` (this form only), `"phrases"` (as written),
//! `OR`, `-exclusion`, parentheses, and `field:value` for `title`, `body`
//! and each kind of entity (`person:`, `org:`, `country:`; see `crate::entity`).
//!
//! This module only parses text into a [`QueryNode`] tree and reports syntax
//! errors; turning the tree into a tantivy query happens in `search`.

use std::fmt;

use crate::entity::{EntityKind, KINDS};

/// Where a word or phrase is looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Title and body.
    Text,
    Title,
    Body,
    /// The names or codes of one kind of entity.
    Entity(EntityKind),
}

impl Scope {
    fn from_name(name: &str) -> Option<Scope> {
        match name.to_ascii_lowercase().as_str() {
            "title" => Some(Scope::Title),
            "body" | "text" => Some(Scope::Body),
            other => EntityKind::from_query_field(other).map(Scope::Entity),
        }
    }
}

/// `title:, body:, person:, org: or country:` for error messages.
fn field_names() -> String {
    let mut names: Vec<String> = ["title:", "body:"].map(String::from).to_vec();
    names.extend(KINDS.iter().map(|k| format!("{}:", k.flag)));
    let last = names.pop().unwrap_or_default();
    format!("{} or {last}", names.join(", "))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryNode {
    /// A word or a quoted phrase in a scope; `phrase` is true when it was quoted.
    Match {
        scope: Scope,
        text: String,
        phrase: bool,
    },
    Not(Box<QueryNode>),
    And(Vec<QueryNode>),
    Or(Vec<QueryNode>),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct QuerySyntaxError {
    /// 1-based character column where the problem was found.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for QuerySyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "query syntax error at column {}: {}",
            self.column, self.message
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Word(String),
    Phrase(String),
    Field(String),
    Minus,
    Open,
    Close,
    Or,
}

/// Parses a query. An empty query is an error: callers decide what "no query" means.
pub fn parse(input: &str) -> Result<QueryNode, QuerySyntaxError> {
    let tokens = lex(input)?;
    if tokens.is_empty() {
        return Err(QuerySyntaxError {
            column: 1,
            message: "empty query (expected words, \"phrases\" or field:value)".into(),
        });
    }
    let mut parser = Parser {
        tokens,
        pos: 0,
        end_column: input.chars().count() + 1,
    };
    let node = parser.or_expr()?;
    if let Some((column, token)) = parser.peek() {
        let message = match token {
            Token::Close => "unmatched ')' (expected a query before it or an opening '(')".into(),
            other => format!("unexpected {other:?}"),
        };
        return Err(QuerySyntaxError { column, message });
    }
    Ok(node)
}

fn lex(input: &str) -> Result<Vec<(usize, Token)>, QuerySyntaxError> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            tokens.push((column, Token::Open));
            i += 1;
        } else if c == ')' {
            tokens.push((column, Token::Close));
            i += 1;
        } else if c == '-'
            && starts_word_or_group(&chars, i + 1)
            && is_clause_start(&tokens, &chars, i)
        {
            tokens.push((column, Token::Minus));
            i += 1;
        } else if is_quote(c) {
            let (phrase, next) = read_phrase(&chars, i)?;
            tokens.push((column, Token::Phrase(phrase)));
            i = next;
        } else if c == '=' && is_clause_start(&tokens, &chars, i) && starts_word(&chars, i + 1) {
            // `=word`: this form only, as a quoted word is.
            let start = i + 1;
            i = start;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !matches!(chars[i], '(' | ')')
                && !is_quote(chars[i])
            {
                i += 1;
            }
            tokens.push((column, Token::Phrase(chars[start..i].iter().collect())));
        } else {
            let start = i;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !matches!(chars[i], '(' | ')')
                && !is_quote(chars[i])
            {
                if chars[i] == ':' && i > start && chars[start..i].iter().all(|c| c.is_alphabetic())
                {
                    break;
                }
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if i < chars.len() && chars[i] == ':' {
                if Scope::from_name(&word).is_none() {
                    return Err(QuerySyntaxError {
                        column,
                        message: format!("unknown field {word:?} (expected {})", field_names()),
                    });
                }
                i += 1;
                if i >= chars.len() || chars[i].is_whitespace() || chars[i] == ')' {
                    return Err(QuerySyntaxError {
                        column: i + 1,
                        message: format!(
                            "missing value after {word}: (expected a word or a \"phrase\")"
                        ),
                    });
                }
                tokens.push((column, Token::Field(word)));
            } else if word == "OR" {
                tokens.push((column, Token::Or));
            } else if word != "AND" {
                tokens.push((column, Token::Word(word)));
            }
        }
    }
    Ok(tokens)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

fn starts_word(chars: &[char], i: usize) -> bool {
    chars
        .get(i)
        .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '=') && !is_quote(*c))
}

fn starts_word_or_group(chars: &[char], i: usize) -> bool {
    chars
        .get(i)
        .is_some_and(|c| !c.is_whitespace() && *c != ')' && *c != '-')
}

/// A `-` only negates at the start of a clause, so `al-Sudani` stays one word.
fn is_clause_start(tokens: &[(usize, Token)], chars: &[char], i: usize) -> bool {
    let after_space = i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(';
    after_space && !matches!(tokens.last(), Some((_, Token::Field(_))))
}

fn read_phrase(chars: &[char], open: usize) -> Result<(String, usize), QuerySyntaxError> {
    let mut i = open + 1;
    while i < chars.len() && !is_quote(chars[i]) {
        i += 1;
    }
    if i >= chars.len() {
        return Err(QuerySyntaxError {
            column: open + 1,
            message: "unterminated phrase (expected a closing \")".into(),
        });
    }
    Ok((chars[open + 1..i].iter().collect(), i + 1))
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    pos: usize,
    /// Column just past the end of the input, for "expected ... at the end".
    end_column: usize,
}

impl Parser {
    fn peek(&self) -> Option<(usize, &Token)> {
        self.tokens.get(self.pos).map(|(c, t)| (*c, t))
    }

    fn or_expr(&mut self) -> Result<QueryNode, QuerySyntaxError> {
        let mut alternatives = vec![self.and_expr()?];
        while let Some((_, Token::Or)) = self.peek() {
            self.pos += 1;
            alternatives.push(self.and_expr()?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            QueryNode::Or(alternatives)
        })
    }

    fn and_expr(&mut self) -> Result<QueryNode, QuerySyntaxError> {
        let mut clauses = Vec::new();
        while let Some((column, token)) = self.peek() {
            match token {
                Token::Or if clauses.is_empty() => {
                    return Err(QuerySyntaxError {
                        column,
                        message: "OR needs a query on both sides".into(),
                    });
                }
                Token::Or | Token::Close => break,
                _ => clauses.push(self.unary()?),
            }
        }
        match clauses.len() {
            0 => Err(match self.peek() {
                Some((column, _)) => QuerySyntaxError {
                    column,
                    message: "expected a word, \"phrase\" or field:value".into(),
                },
                None => QuerySyntaxError {
                    column: self.end_column,
                    message: "expected a word, \"phrase\" or field:value at the end".into(),
                },
            }),
            1 => Ok(clauses.remove(0)),
            _ => Ok(QueryNode::And(clauses)),
        }
    }

    fn unary(&mut self) -> Result<QueryNode, QuerySyntaxError> {
        if let Some((_, Token::Minus)) = self.peek() {
            self.pos += 1;
            return Ok(QueryNode::Not(Box::new(self.primary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<QueryNode, QuerySyntaxError> {
        let Some((column, token)) = self.peek() else {
            return Err(QuerySyntaxError {
                column: self.end_column,
                message: "expected a word, \"phrase\" or field:value at the end".into(),
            });
        };
        let token = token.clone();
        self.pos += 1;
        match token {
            Token::Word(text) => Ok(QueryNode::Match {
                scope: Scope::Text,
                text,
                phrase: false,
            }),
            Token::Phrase(text) => Ok(QueryNode::Match {
                scope: Scope::Text,
                text,
                phrase: true,
            }),
            Token::Field(name) => {
                let scope = Scope::from_name(&name).expect("lexer only emits known fields");
                match self.peek() {
                    Some((_, Token::Word(text))) | Some((_, Token::Phrase(text))) => {
                        let phrase = matches!(self.peek(), Some((_, Token::Phrase(_))));
                        let text = text.clone();
                        self.pos += 1;
                        Ok(QueryNode::Match {
                            scope,
                            text,
                            phrase,
                        })
                    }
                    _ => Err(QuerySyntaxError {
                        column,
                        message: format!(
                            "missing value after {name}: (expected a word or a \"phrase\")"
                        ),
                    }),
                }
            }
            Token::Open => {
                let inner = self.or_expr()?;
                match self.peek() {
                    Some((_, Token::Close)) => {
                        self.pos += 1;
                        Ok(inner)
                    }
                    _ => Err(QuerySyntaxError {
                        column,
                        message: "unclosed '(' (expected a closing ')')".into(),
                    }),
                }
            }
            Token::Close => Err(QuerySyntaxError {
                column,
                message: "unmatched ')'".into(),
            }),
            Token::Or => Err(QuerySyntaxError {
                column,
                message: "OR needs a query on both sides".into(),
            }),
            Token::Minus => Err(QuerySyntaxError {
                column,
                message: "'-' must be followed by a word, \"phrase\" or (group)".into(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> QueryNode {
        QueryNode::Match {
            scope: Scope::Text,
            text: t.into(),
            phrase: false,
        }
    }

    fn scoped(scope: Scope, t: &str, phrase: bool) -> QueryNode {
        QueryNode::Match {
            scope,
            text: t.into(),
            phrase,
        }
    }

    #[test]
    fn parses_the_query_language() {
        let cases: Vec<(&str, QueryNode)> = vec![
            ("ceasefire", text("ceasefire")),
            (
                "ceasefire talks",
                QueryNode::And(vec![text("ceasefire"), text("talks")]),
            ),
            (
                "ceasefire AND talks",
                QueryNode::And(vec![text("ceasefire"), text("talks")]),
            ),
            (
                "\"prime minister\"",
                scoped(Scope::Text, "prime minister", true),
            ),
            (
                "“prime minister”",
                scoped(Scope::Text, "prime minister", true),
            ),
            (
                "gaza OR ukraine",
                QueryNode::Or(vec![text("gaza"), text("ukraine")]),
            ),
            (
                "talks -ukraine",
                QueryNode::And(vec![
                    text("talks"),
                    QueryNode::Not(Box::new(text("ukraine"))),
                ]),
            ),
            ("al-Sudani", text("al-Sudani")),
            (
                "person:Sudani",
                scoped(Scope::Entity(EntityKind::Person), "Sudani", false),
            ),
            (
                "person:\"Lloyd Austin\"",
                scoped(Scope::Entity(EntityKind::Person), "Lloyd Austin", true),
            ),
            (
                "country:iraq",
                scoped(Scope::Entity(EntityKind::Country), "iraq", false),
            ),
            ("title:visit", scoped(Scope::Title, "visit", false)),
            ("10:30", text("10:30")),
            ("=sanctions", scoped(Scope::Text, "sanctions", true)),
            (
                "=sanctions iran",
                QueryNode::And(vec![scoped(Scope::Text, "sanctions", true), text("iran")]),
            ),
            ("a=b", text("a=b")),
            (
                "(gaza OR ukraine) aid",
                QueryNode::And(vec![
                    QueryNode::Or(vec![text("gaza"), text("ukraine")]),
                    text("aid"),
                ]),
            ),
            (
                "-(a b)",
                QueryNode::Not(Box::new(QueryNode::And(vec![text("a"), text("b")]))),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse(input), Ok(expected), "parse({input:?})");
        }
    }

    #[test]
    fn reports_what_was_expected() {
        let cases: &[(&str, usize, &str)] = &[
            ("\"prime minister", 1, "closing \""),
            ("foo:bar", 1, "unknown field \"foo\""),
            ("person:", 8, "missing value after person:"),
            ("gaza OR", 8, "at the end"),
            ("OR gaza", 1, "both sides"),
            ("(gaza", 1, "closing ')'"),
            ("gaza)", 5, "unmatched ')'"),
            ("", 1, "empty query"),
        ];
        for (input, column, fragment) in cases {
            let err = parse(input).expect_err(input);
            assert_eq!(err.column, *column, "column for {input:?}: {err}");
            assert!(err.to_string().contains(fragment), "{input:?}: {err}");
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a user types, parsing answers (a tree or an error with a
        /// column inside or just past the input) and never panics.
        #[test]
        fn parse_never_panics(input in "\\PC{0,60}") {
            if let Err(err) = parse(&input) {
                prop_assert!(err.column >= 1 && err.column <= input.chars().count() + 1);
            }
        }

        #[test]
        fn query_like_input_never_panics(input in r#"[a-z:()" \-]{0,40}|(title|person|country|OR|AND|-|\(|\)|"| |x)*"#) {
            let _ = parse(&input);
        }
    }
}
