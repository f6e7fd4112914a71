package ru.voronka.telephony;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * extensions.conf read and walked the way pbx_config and the PBX core do, for the applications,
 * functions and expressions Voronka's dialplan uses — and nothing more: anything else fails the walk,
 * so the tested dialplan cannot outgrow its test. Pattern matching as Asterisk's ({@code _} with
 * {@code X Z N . !}); {@code same => n} and {@code n(label)}; {@code ${VAR}}, {@code ${FUNC(arg)}}
 * innermost first; {@code $[…]} with {@code = != < <= > >= & |}.
 */
final class Dialplan {

  record Step(String context, String exten, int priority, String label, String app, String args) {}

  /** What the rest of the world answers while the walk runs: AGI, Dial and Queue outcomes. */
  interface World {
    /** AGI(url): the variables the script sets (AGISTATUS among them). */
    Map<String, String> agi(String url);

    /** Dial(target,…): ANSWER, NOANSWER, BUSY, CHANUNAVAIL… */
    String dial(String target);

    /** Queue(name,…): true when a member answered. */
    boolean queueAnswered(String queue);
  }

  private final Map<String, List<Step>> contexts = new HashMap<>();
  final Map<String, String> globals = new HashMap<>();
  /** Every variable and function the dialplan reads, as written: {@code AGISTATUS}, {@code SHIFT(VORONKA_TARGETS)}… */
  final Set<String> reads = new LinkedHashSet<>();
  /** Every variable the dialplan itself sets (Set(), [globals]). */
  final Set<String> sets = new LinkedHashSet<>();

  static Dialplan read() throws IOException {
    Dialplan plan = new Dialplan();
    for (AsteriskConf.Section section : AsteriskConf.read("extensions.conf").sections()) {
      if (section.name().equals("globals")) {
        section.lines().forEach(l -> plan.globals.put(l.getKey(), l.getValue()));
        plan.sets.addAll(plan.globals.keySet());
        continue;
      }
      List<Step> steps = plan.contexts.computeIfAbsent(section.name(), c -> new ArrayList<>());
      String exten = null;
      int priority = 0;
      for (Map.Entry<String, String> line : section.lines()) {
        String[] parts;
        String value = line.getValue();
        if (line.getKey().equals("exten")) {
          parts = value.split(",", 3);
          exten = parts[0].strip();
          priority = 0;
          value = parts[1] + "," + parts[2];
        } else if (!line.getKey().equals("same")) {
          throw new IllegalStateException("Not a dialplan line: " + line);
        }
        String[] prioAndApp = value.split(",", 2);
        Matcher p = Pattern.compile("(n|\\d+)(?:\\((\\w+)\\))?").matcher(prioAndApp[0].strip());
        if (!p.matches()) {
          throw new IllegalStateException("Priority? " + line);
        }
        priority = p.group(1).equals("n") ? priority + 1 : Integer.parseInt(p.group(1));
        String app = prioAndApp[1].strip();
        int open = app.indexOf('(');
        String args = open < 0 ? "" : app.substring(open + 1, app.lastIndexOf(')'));
        steps.add(new Step(section.name(), exten, priority, p.group(2), open < 0 ? app : app.substring(0, open), args));
        plan.noteReads(args);
        Matcher set = Pattern.compile("([A-Za-z_]\\w*)=").matcher(args);
        if (app.startsWith("Set(") && set.lookingAt()) {
          plan.sets.add(set.group(1));
        }
      }
    }
    return plan;
  }

  private static final Pattern READ = Pattern.compile("\\$\\{([^${}]+)\\}");

  private void noteReads(String text) {
    String rest = text;
    for (int guard = 0; guard < 20; guard++) {
      Matcher m = READ.matcher(rest);
      if (!m.find()) {
        return;
      }
      reads.add(m.group(1));
      rest = m.replaceAll("x");
    }
  }

  Set<String> contexts() {
    return contexts.keySet();
  }

  List<Step> steps(String context) {
    return contexts.getOrDefault(context, List.of());
  }

  /** Asterisk's extension patterns: a literal, or {@code _} then X (0-9), Z (1-9), N (2-9), [..], . (one or more), ! (zero or more). */
  static boolean matches(String pattern, String exten) {
    if (!pattern.startsWith("_")) {
      return pattern.equals(exten);
    }
    StringBuilder regex = new StringBuilder();
    String p = pattern.substring(1);
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      switch (c) {
        case 'X' -> regex.append("[0-9]");
        case 'Z' -> regex.append("[1-9]");
        case 'N' -> regex.append("[2-9]");
        case '.' -> regex.append(".+");
        case '!' -> regex.append(".*");
        case '[' -> {
          int end = p.indexOf(']', i);
          regex.append(p, i, end + 1);
          i = end;
        }
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return exten.matches(regex.toString());
  }

  /** One channel's way through the dialplan: the applications it ran, arguments substituted. */
  List<String> walk(String context, String exten, Map<String, String> channel, World world) {
    Map<String, String> vars = new HashMap<>(globals);
    vars.putAll(channel);
    List<String> trace = new ArrayList<>();
    String ctx = context;
    String ext = exten;
    int prio = 1;
    for (int guard = 0; guard < 200; guard++) {
      String c = ctx;
      String e = ext;
      int pr = prio;
      Step step = steps(c).stream().filter(s -> s.priority() == pr && matches(s.exten(), e)).findFirst()
          .orElseThrow(() -> new AssertionError("No priority " + pr + " for «" + e + "» in [" + c + "]: the channel would hang up"));
      vars.put("EXTEN", ext);
      vars.put("CONTEXT", ctx);
      String args = substitute(step.args(), vars);
      trace.add(step.app() + "(" + args + ")");
      prio++;
      switch (step.app()) {
        case "MixMonitor", "NoOp", "Answer" -> { }
        case "AGI" -> vars.putAll(world.agi(args));
        case "Set" -> {
          int eq = args.indexOf('=');
          vars.put(args.substring(0, eq), args.substring(eq + 1));
        }
        case "GotoIf" -> {
          int q = args.indexOf('?');
          String[] where = args.substring(q + 1).split(":", -1);
          String target = truthy(expression(args.substring(0, q))) ? where[0] : where.length > 1 ? where[1] : "";
          if (!target.isEmpty()) {
            String[] go = jump(target, step, ctx, ext);
            ctx = go[0];
            ext = go[1];
            prio = priority(ctx, ext, go[2]);
          }
        }
        case "Goto" -> {
          String[] go = jump(args, step, ctx, ext);
          ctx = go[0];
          ext = go[1];
          prio = priority(ctx, ext, go[2]);
        }
        case "Dial" -> {
          String status = world.dial(args.split(",")[0]);
          vars.put("DIALSTATUS", status);
          if (status.equals("ANSWER")) {
            return trace; // without option g, an answered Dial ends the channel when the talk ends
          }
        }
        case "Queue" -> {
          boolean answered = world.queueAnswered(args.split(",")[0]);
          vars.put("QUEUESTATUS", answered ? "CONTINUE" : "TIMEOUT");
          if (answered) {
            return trace;
          }
        }
        case "VoiceMail" -> vars.put("VMSTATUS", "SUCCESS");
        case "Hangup" -> {
          return trace;
        }
        default -> throw new AssertionError("The walk does not know " + step.app() + "(): teach it, or keep the dialplan simple");
      }
    }
    throw new AssertionError("The dialplan loops: " + trace);
  }

  /** Goto's and GotoIf's target: label | exten,priority | context,exten,priority. */
  private static String[] jump(String target, Step from, String ctx, String ext) {
    String[] parts = target.split(",");
    return switch (parts.length) {
      case 1 -> new String[] {ctx, ext, parts[0]};
      case 2 -> new String[] {ctx, parts[0], parts[1]};
      default -> new String[] {parts[0], parts[1], parts[2]};
    };
  }

  private int priority(String ctx, String ext, String priorityOrLabel) {
    if (priorityOrLabel.matches("\\d+")) {
      return Integer.parseInt(priorityOrLabel);
    }
    return steps(ctx).stream().filter(s -> priorityOrLabel.equals(s.label()) && matches(s.exten(), ext)).findFirst()
        .map(Step::priority).orElseThrow(() -> new AssertionError("No label " + priorityOrLabel + " in [" + ctx + "]"));
  }

  /** ${…} innermost first; $[…] evaluated. */
  static String substitute(String text, Map<String, String> vars) {
    String out = text;
    for (int guard = 0; guard < 50; guard++) {
      Matcher m = READ.matcher(out);
      if (!m.find()) {
        break;
      }
      out = out.substring(0, m.start()) + read(m.group(1), vars) + out.substring(m.end());
    }
    Matcher expr = Pattern.compile("\\$\\[(.*)\\]").matcher(out);
    return expr.find() ? out.substring(0, expr.start()) + expression(expr.group(1)) + out.substring(expr.end()) : out;
  }

  private static String read(String name, Map<String, String> vars) {
    Matcher f = Pattern.compile("(\\w+)\\((.*)\\)").matcher(name);
    if (!f.matches()) {
      return vars.getOrDefault(name, "");
    }
    String arg = f.group(2);
    return switch (f.group(1)) {
      case "SHIFT" -> { // func_strings: removes and returns the first comma-separated item
        String list = vars.getOrDefault(arg, "");
        int comma = list.indexOf(',');
        vars.put(arg, comma < 0 ? "" : list.substring(comma + 1));
        yield comma < 0 ? list : list.substring(0, comma);
      }
      case "LEN" -> String.valueOf(arg.length());
      case "CHANNEL", "CALLERID" -> vars.getOrDefault(name, "");
      default -> throw new AssertionError("The walk does not know the function " + f.group(1));
    };
  }

  static boolean truthy(String value) {
    return !value.isEmpty() && !value.equals("0");
  }

  /** Asterisk's expression parser, for or, and and comparisons of strings and numbers. */
  static String expression(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher t = Pattern.compile("\\s*(\"[^\"]*\"|!=|<=|>=|[=<>|&]|[^\\s\"=<>|&!]+)").matcher(text);
    int at = 0;
    while (t.find() && t.start() == at) {
      tokens.add(t.group(1));
      at = t.end();
    }
    if (!text.substring(at).isBlank()) {
      throw new AssertionError("The walk cannot read the expression " + text);
    }
    return evaluate(tokens, "|");
  }

  private static String evaluate(List<String> tokens, String level) {
    if (level.equals("|") || level.equals("&")) {
      List<List<String>> parts = split(tokens, level);
      if (parts.size() > 1) {
        boolean or = level.equals("|");
        boolean result = !or;
        for (List<String> part : parts) {
          boolean value = truthy(evaluate(part, or ? "&" : "cmp"));
          result = or ? result || value : result && value;
        }
        return result ? "1" : "0";
      }
      return evaluate(tokens, level.equals("|") ? "&" : "cmp");
    }
    if (tokens.size() == 1) {
      return unquote(tokens.get(0));
    }
    if (tokens.size() != 3) {
      throw new AssertionError("The walk reads «a op b», not " + tokens);
    }
    String a = unquote(tokens.get(0));
    String b = unquote(tokens.get(2));
    int cmp = a.matches("-?\\d+") && b.matches("-?\\d+") ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    boolean result = switch (tokens.get(1)) {
      case "=" -> cmp == 0;
      case "!=" -> cmp != 0;
      case "<" -> cmp < 0;
      case "<=" -> cmp <= 0;
      case ">" -> cmp > 0;
      case ">=" -> cmp >= 0;
      default -> throw new AssertionError("Operator " + tokens.get(1));
    };
    return result ? "1" : "0";
  }

  private static List<List<String>> split(List<String> tokens, String op) {
    List<List<String>> parts = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String token : tokens) {
      if (token.equals(op)) {
        parts.add(current);
        current = new ArrayList<>();
      } else {
        current.add(token);
      }
    }
    parts.add(current);
    return parts;
  }

  private static String unquote(String token) {
    return token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
  }
}
