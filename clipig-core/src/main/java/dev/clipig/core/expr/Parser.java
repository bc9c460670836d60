package dev.clipig.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the Python expression subset, with Python's precedence (lowest first):
 * {@code if-else}, {@code or}, {@code and}, {@code not}, comparisons, {@code + -}, {@code * / // %},
 * unary {@code + -}, {@code **} (right-associative, binding tighter than a unary operator on its left),
 * then literals, names, calls, subscripts and {@code .get(...)}.
 *
 * <p>Nodes whose inputs are all constant are folded while parsing. Recursion is bounded so that
 * hostile nesting ends in an {@link ExpressionException}, never a {@link StackOverflowError}.
 */
final class Parser {

    /** Recursion levels: one per open bracket, unary operator, {@code **} or {@code else} on the way down. */
    static final int MAX_NESTING = 200;

    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");
    private static final Set<String> PYTHON_KEYWORDS = Set.of(
            "None", "lambda", "import", "from", "for", "while", "def", "class", "return", "yield", "is",
            "global", "nonlocal", "del", "pass", "with", "as", "assert", "try", "except", "finally", "raise",
            "async", "await", "break", "continue", "elif");
    private static final Set<String> TIME_STEP = Set.of("time_step", "ts");

    private final String source;
    private final List<Token> tokens;
    private int index;
    private int nesting;

    private Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static Node parse(String source) {
        Parser parser = new Parser(source, Lexer.tokenize(source));
        if (parser.peek().kind() == Token.Kind.END) {
            throw new ExpressionException("empty expression", source, 0);
        }
        Node root = parser.expression();
        Token rest = parser.peek();
        if (rest.kind() != Token.Kind.END) {
            throw parser.error("unexpected '" + rest.text() + "'", rest);
        }
        return root;
    }

    // expression := disjunction ['if' disjunction 'else' expression]
    private Node expression() {
        enter();
        Node value = disjunction();
        if (peek().is("if")) {
            advance();
            Node condition = disjunction();
            expect("else");
            Node otherwise = expression();
            value = fold(new Node.Conditional(condition, value, otherwise));
        }
        nesting--;
        return value;
    }

    private Node disjunction() {
        Node left = conjunction();
        while (peek().is("or")) {
            advance();
            left = fold(new Node.Logical(false, left, conjunction()));
        }
        return left;
    }

    private Node conjunction() {
        Node left = inversion();
        while (peek().is("and")) {
            advance();
            left = fold(new Node.Logical(true, left, inversion()));
        }
        return left;
    }

    private Node inversion() {
        if (peek().is("not")) {
            Token not = advance();
            enter();
            Node operand = inversion();
            nesting--;
            return fold(new Node.Unary("not", operand, not.column()));
        }
        return comparison();
    }

    private Node comparison() {
        Node first = sum();
        List<Node> operands = new ArrayList<>(List.of(first));
        List<String> operators = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        while (true) {
            Token t = peek();
            String operator;
            if (t.kind() == Token.Kind.OPERATOR && COMPARISONS.contains(t.text())) {
                operator = t.text();
            } else if (t.is("in")) {
                operator = "in";
            } else if (t.is("not") && lookahead(1).is("in")) {
                advance();
                operator = "not in";
            } else {
                break;
            }
            advance();
            operators.add(operator);
            columns.add(t.column());
            operands.add(sum());
        }
        return operators.isEmpty() ? first : fold(new Node.Comparison(operands, operators, columns));
    }

    private Node sum() {
        Node left = term();
        while (peek().is("+") || peek().is("-")) {
            Token op = advance();
            left = fold(new Node.Binary(op.text(), left, term(), op.column()));
        }
        return left;
    }

    private Node term() {
        Node left = factor();
        while (peek().is("*") || peek().is("/") || peek().is("//") || peek().is("%")) {
            Token op = advance();
            left = fold(new Node.Binary(op.text(), left, factor(), op.column()));
        }
        return left;
    }

    // factor := ('+' | '-') factor | power
    private Node factor() {
        if (peek().is("-") || peek().is("+")) {
            Token op = advance();
            enter();
            Node operand = factor();
            nesting--;
            return fold(new Node.Unary(op.text(), operand, op.column()));
        }
        return power();
    }

    // power := primary ['**' factor]   (so 2**-1 and 2**3**2 parse as in Python)
    private Node power() {
        Node base = primary();
        if (peek().is("**")) {
            Token op = advance();
            enter();
            Node exponent = factor();
            nesting--;
            return fold(new Node.Binary("**", base, exponent, op.column()));
        }
        return base;
    }

    private Node primary() {
        Node node = atom();
        while (true) {
            Token t = peek();
            if (t.is("[")) {
                advance();
                Node index = expression();
                if (peek().is(":")) {
                    throw error("slices are not supported", peek());
                }
                expect("]");
                node = fold(new Node.Subscript(node, index, t.column()));
            } else if (t.is(".")) {
                advance();
                Token name = advance();
                if (name.kind() != Token.Kind.NAME || !name.text().equals("get") || !peek().is("(")) {
                    throw error("attribute access '." + name.text() + "' is not allowed"
                            + " (the only method is dict.get(key, default))", name);
                }
                advance();
                List<Node> args = arguments();
                if (args.isEmpty() || args.size() > 2) {
                    throw error("get() takes 1 or 2 arguments, got " + args.size(), name);
                }
                node = fold(new Node.DictGet(node, args.get(0), args.size() > 1 ? args.get(1) : null, name.column()));
            } else if (t.is("(")) {
                throw error("only named functions can be called", t);
            } else {
                return node;
            }
        }
    }

    private Node atom() {
        Token t = advance();
        switch (t.kind()) {
            case NUMBER:
                return new Node.Constant(number(t));
            case NAME:
                return name(t);
            case END:
                throw error("unexpected end of expression", t);
            case STRING:
                throw error("string literals are not supported", t);
            default:
                break;
        }
        return switch (t.text()) {
            case "(" -> parenthesised();
            case "[" -> fold(new Node.ListLiteral(sequence("]")));
            case "{" -> dict(t);
            default -> throw error("unexpected '" + t.text() + "'", t);
        };
    }

    private Node name(Token t) {
        String name = t.text();
        if (PYTHON_KEYWORDS.contains(name)) {
            throw error("'" + name + "' is not supported", t);
        }
        if (Set.of("and", "or", "not", "if", "else", "in").contains(name)) {
            throw error("unexpected '" + name + "'", t);
        }
        if (peek().is("(")) {
            advance();
            if (TIME_STEP.contains(name)) {
                List<Node> args = arguments();
                checkArity(t, 2, 2, args.size());
                return new Node.TimeStep(args.get(0), args.get(1), t.column());
            }
            Builtin function = Builtins.function(name).orElseThrow(() -> error(
                    VariableGroup.canonicalName(name).isPresent() || Builtins.constant(name).isPresent()
                            ? "'" + name + "' is not a function" : "unknown function '" + name + "'", t));
            List<Node> args = arguments();
            checkArity(t, function.minArgs(), function.maxArgs(), args.size());
            return fold(new Node.Call(function, args, t.column()));
        }
        var constant = Builtins.constant(name);
        if (constant.isPresent()) {
            return new Node.Constant(constant.get());
        }
        var variable = VariableGroup.canonicalName(name);
        if (variable.isPresent()) {
            return new Node.Variable(variable.get(), t.column());
        }
        if (Builtins.function(name).isPresent() || TIME_STEP.contains(name)) {
            throw error("function '" + name + "' must be called", t);
        }
        throw error("unknown name '" + name + "'", t);
    }

    /** {@code (x)} groups; {@code ()}, {@code (x,)} and {@code (x, y)} are tuples, i.e. lists here. */
    private Node parenthesised() {
        if (peek().is(")")) {
            advance();
            return new Node.Constant(new ListValue(List.of()));
        }
        Node first = expression();
        if (peek().is(")")) {
            advance();
            return first;
        }
        if (!peek().is(",")) {
            expect(")");
        }
        advance();
        List<Node> items = new ArrayList<>(List.of(first));
        items.addAll(sequence(")"));
        return fold(new Node.ListLiteral(items));
    }

    private Node dict(Token open) {
        List<Node> keys = new ArrayList<>();
        List<Node> values = new ArrayList<>();
        while (!peek().is("}")) {
            keys.add(expression());
            if (!peek().is(":")) {
                throw error(keys.size() == 1 && (peek().is(",") || peek().is("}"))
                        ? "set literals are not supported" : "expected ':' in dict literal", peek());
            }
            advance();
            values.add(expression());
            if (!peek().is(",")) {
                break;
            }
            advance();
        }
        expect("}");
        return fold(new Node.DictLiteral(keys, values, open.column()));
    }

    /** Comma-separated expressions up to {@code close}, which may follow a trailing comma. */
    private List<Node> sequence(String close) {
        List<Node> items = new ArrayList<>();
        while (!peek().is(close)) {
            items.add(expression());
            if (!peek().is(",")) {
                break;
            }
            advance();
        }
        expect(close);
        return items;
    }

    private List<Node> arguments() {
        return sequence(")");
    }

    private void checkArity(Token name, int min, int max, int given) {
        if (given < min || given > max) {
            String expected = min == max ? String.valueOf(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            boolean one = expected.equals("1") || expected.endsWith(" 1");
            throw error(name.text() + "() takes " + expected + " argument" + (one ? "" : "s")
                    + ", got " + given, name);
        }
    }

    private Value number(Token t) {
        String text = t.text();
        if (text.contains(".") || text.contains("e") || text.contains("E")) {
            return Value.of(Double.parseDouble(text));
        }
        try {
            return Value.of(Long.parseLong(text));
        } catch (NumberFormatException tooLarge) {
            throw error("integer literal is too large", t);
        }
    }

    /** Evaluates a pure node with constant inputs now; a failure is left for evaluation to report. */
    private Node fold(Node node) {
        if (!node.isPure() || !node.children().stream().allMatch(c -> c instanceof Node.Constant)) {
            return node;
        }
        try {
            return new Node.Constant(node.evaluate(Variables.empty()));
        } catch (ExpressionException unfoldable) {
            return node;
        }
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw error("expression is nested too deeply", peek());
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token lookahead(int offset) {
        return tokens.get(Math.min(index + offset, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.END) {
            index++;
        }
        return t;
    }

    private void expect(String text) {
        Token t = peek();
        if (!t.is(text)) {
            throw error("expected '" + text + "' but found "
                    + (t.kind() == Token.Kind.END ? "the end" : "'" + t.text() + "'"), t);
        }
        advance();
    }

    private ExpressionException error(String reason, Token at) {
        return new ExpressionException(reason, source, at.column());
    }
}
