#include "evidence/reportdocument.h"

using namespace Qt::StringLiterals;

namespace poc {

namespace {

QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u'\n', u' ');
    return line.simplified();
}

QString markdownFields(const ReportSection &section)
{
    QString markdown;
    for (const auto &[label, value] : section.fields)
        markdown += u"- **%1:** %2\n"_s.arg(label, oneLine(value));
    return markdown.isEmpty() ? markdown : markdown + u'\n';
}

QString markdownNote(const ReportNote &note)
{
    const QStringList lines = note.text.split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() == 1)
        return u"**%1:** %2\n\n"_s.arg(note.title, lines.first());

    QString markdown = u"**%1:**\n\n"_s.arg(note.title);
    for (const QString &line : lines)
        markdown += u"- %1\n"_s.arg(line);
    return markdown + u'\n';
}

QString markdownTable(const ReportTable &table)
{
    QString markdown = table.title.isEmpty() ? QString() : u"### %1\n\n"_s.arg(table.title);
    if (table.table.rows.isEmpty())
        return markdown + table.emptyText + u"\n\n"_s;
    return markdown + toMarkdown(table.table) + u'\n';
}

QString markdownImage(const ReportImage &image)
{
    return u"![%1](%2)\n\n*%1*\n\n"_s.arg(oneLine(image.caption).replace(u"]"_s, u"\\]"_s), image.path);
}

QString markdownSection(const ReportSection &section)
{
    QString markdown = u"## %1\n\n"_s.arg(section.title);
    markdown += markdownFields(section);
    for (const QString &paragraph : section.paragraphs)
        markdown += paragraph + u"\n\n"_s;
    for (const ReportNote &note : section.notes)
        markdown += markdownNote(note);
    for (const ReportTable &table : section.tables)
        markdown += markdownTable(table);
    for (const ReportImage &image : section.images)
        markdown += markdownImage(image);
    if (section.tables.isEmpty() && section.images.isEmpty() && !section.emptyText.isEmpty())
        markdown += section.emptyText + u"\n\n"_s;
    return markdown;
}

QString escaped(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(u"\n"_s, u"<br>"_s);
    return html;
}

QString htmlRow(const QStringList &cells, qsizetype columns, const QString &tag)
{
    QString html = u"<tr>"_s;
    for (qsizetype column = 0; column < columns; ++column)
        html += u"<%1>%2</%1>"_s.arg(tag, escaped(cells.value(column)));
    return html + u"</tr>\n"_s;
}

QString htmlTable(const ReportTable &table)
{
    QString html = table.title.isEmpty() ? QString() : u"<h3>%1</h3>\n"_s.arg(escaped(table.title));
    if (table.table.rows.isEmpty())
        return html + u"<p>%1</p>\n"_s.arg(escaped(table.emptyText));

    const qsizetype columns = table.table.headers.size();
    html += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n"_s;
    html += htmlRow(table.table.headers, columns, u"th"_s);
    for (const QStringList &row : table.table.rows)
        html += htmlRow(row, columns, u"td"_s);
    return html + u"</table>\n"_s;
}

QSizeF fittedSize(const QSize &size, const QSizeF &maximum)
{
    if (!size.isValid() || size.isEmpty())
        return {maximum.width(), 0};
    const qreal scale = qMin(1.0, qMin(maximum.width() / size.width(), maximum.height() / size.height()));
    return {size.width() * scale, size.height() * scale};
}

QString htmlImage(const ReportImage &image, const QSizeF &maximum, bool newPage)
{
    const QSizeF size = fittedSize(image.size, maximum);
    const QString height = size.height() > 0 ? u" height=\"%1\""_s.arg(qRound(size.height())) : QString();
    const QString pageBreak = newPage ? u" style=\"page-break-before: always\""_s : QString();
    return u"<p%1><img src=\"%2\" width=\"%3\"%4></p>\n<p><i>%5</i></p>\n"_s.arg(
        pageBreak, image.path.toHtmlEscaped(), QString::number(qRound(size.width())), height, escaped(image.caption));
}

QString htmlSection(const ReportSection &section, const QSizeF &maxImageSize, bool newPage)
{
    const QString pageBreak = newPage ? u" style=\"page-break-before: always\""_s : QString();
    QString html = u"<h2%1>%2</h2>\n"_s.arg(pageBreak, escaped(section.title));
    if (!section.fields.isEmpty()) {
        html += u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n"_s;
        for (const auto &[label, value] : section.fields)
            html += u"<tr><th align=\"left\">%1</th><td>%2</td></tr>\n"_s.arg(escaped(label), escaped(value));
        html += u"</table>\n"_s;
    }
    for (const QString &paragraph : section.paragraphs)
        html += u"<p>%1</p>\n"_s.arg(escaped(paragraph));
    for (const ReportNote &note : section.notes)
        html += u"<p><b>%1:</b><br>%2</p>\n"_s.arg(escaped(note.title), escaped(note.text));
    for (const ReportTable &table : section.tables)
        html += htmlTable(table);
    for (qsizetype i = 0; i < section.images.size(); ++i)
        html += htmlImage(section.images.at(i), maxImageSize, i > 0);
    if (section.tables.isEmpty() && section.images.isEmpty() && !section.emptyText.isEmpty())
        html += u"<p>%1</p>\n"_s.arg(escaped(section.emptyText));
    return html;
}

} // namespace

QString toMarkdown(const ReportDocument &document)
{
    QString markdown = u"# %1\n\n"_s.arg(document.title);
    if (document.demo)
        markdown += u"> **DEMO**: this report shows the local replica, not the live POC.\n\n"_s;
    for (const ReportSection &section : document.sections)
        markdown += markdownSection(section);
    return markdown;
}

QString toHtml(const ReportDocument &document, const QSizeF &maxImageSize)
{
    // Fixed colours, so that the printout does not follow a dark desktop palette.
    QString html = u"<html><head><style>"
                   "body { color: #000000; background-color: #ffffff; }"
                   "th { background-color: #e6e6e6; text-align: left; }"
                   "table { border-color: #000000; border-collapse: collapse; margin-bottom: 8px; }"
                   "</style></head><body>\n"_s;
    html += u"<h1>%1</h1>\n"_s.arg(escaped(document.title));
    if (document.demo)
        html += u"<p><b>DEMO</b>: this report shows the local replica, not the live POC.</p>\n"_s;
    for (qsizetype i = 0; i < document.sections.size(); ++i)
        html += htmlSection(document.sections.at(i), maxImageSize, i > 0);
    return html + u"</body></html>\n"_s;
}

} // namespace poc
