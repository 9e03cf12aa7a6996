#include "evidence/reportpdf.h"

#include "evidence/reportbundle.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QImageReader>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace poc {

namespace {

constexpr int kResolution = 300;           // dots per inch of the PDF's device coordinates
constexpr qreal kMarginMillimetres = 15;
constexpr qreal kFooterMillimetres = 8;
constexpr qreal kCssPixelsPerInch = 96;    // QTextDocument sizes images in 1/96 inch
constexpr qreal kMillimetresPerInch = 25.4;
constexpr qreal kImageShareOfPage = 0.75;  // leaves room for the heading and the caption

qreal millimetresToDots(qreal millimetres)
{
    return millimetres / kMillimetresPerInch * kResolution;
}

// Loads every capture into the document and fills in sizes the sidecars did not give.
void loadImages(ReportDocument *document, QTextDocument *text, const QString &bundleDir)
{
    for (ReportSection &section : document->sections) {
        for (ReportImage &image : section.images) {
            const QImage pixels(bundleDir + u'/' + image.path);
            if (!image.size.isValid())
                image.size = pixels.size();
            text->addResource(QTextDocument::ImageResource, QUrl(image.path), pixels);
        }
    }
}

QSizeF maxImageSize(const QPdfWriter &writer)
{
    const qreal dotsToCss = kCssPixelsPerInch / kResolution;
    return {writer.width() * dotsToCss, writer.height() * dotsToCss * kImageShareOfPage};
}

void paintFooter(QPainter *painter, const QRectF &area, const QString &title, int page, int pages)
{
    painter->save();
    painter->setPen(Qt::black);
    QFont font(u"DejaVu Sans"_s);
    font.setPointSizeF(7.5);
    painter->setFont(font);
    painter->drawText(area, Qt::AlignLeft | Qt::AlignBottom, title);
    painter->drawText(area, Qt::AlignRight | Qt::AlignBottom, u"Page %1 of %2"_s.arg(page).arg(pages));
    painter->restore();
}

void paintPages(QPdfWriter *writer, QPainter *painter, QTextDocument *text, const QString &title)
{
    const qreal footer = millimetresToDots(kFooterMillimetres);
    const QSizeF page(writer->width(), writer->height() - footer);
    text->setPageSize(page);

    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, Qt::black);
    const int pages = text->pageCount();
    for (int index = 0; index < pages; ++index) {
        if (index > 0)
            writer->newPage();

        painter->save();
        painter->translate(0, -index * page.height());
        context.clip = QRectF(QPointF(0, index * page.height()), page);
        painter->setClipRect(context.clip);
        text->documentLayout()->draw(painter, context);
        painter->restore();

        paintFooter(painter, QRectF(0, page.height(), page.width(), footer), title, index + 1, pages);
    }
}

} // namespace

bool writeReportPdf(const ReportDocument &document, const QString &bundleDir, const QString &pdfPath, QString *error)
{
    QSaveFile file(pdfPath);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"Could not write %1: %2"_s.arg(pdfPath, file.errorString());
        return false;
    }

    QPdfWriter writer(&file);
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(kMarginMillimetres, kMarginMillimetres, kMarginMillimetres, kMarginMillimetres),
                                     QPageLayout::Millimeter));
    writer.setTitle(document.title);
    writer.setCreator(u"Arcade POC Dashboard %1"_s.arg(QStringLiteral(POC_VERSION)));

    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = u"Could not write the PDF %1."_s.arg(pdfPath);
        return false;
    }

    QTextDocument text;
    text.documentLayout()->setPaintDevice(&writer);
    text.setDefaultFont(QFont(u"DejaVu Sans"_s, 9));
    ReportDocument withImages = document;
    loadImages(&withImages, &text, bundleDir);
    text.setHtml(toHtml(withImages, maxImageSize(writer)));

    paintPages(&writer, &painter, &text, document.title);
    painter.end();
    if (!file.commit()) {
        *error = u"Could not write %1: %2"_s.arg(pdfPath, file.errorString());
        return false;
    }
    return true;
}

void addPdfToBundle(ReportBundle *bundle)
{
    bundle->addFile(u"report.pdf"_s,
                    [](const ReportDocument &document, const QString &bundleDir, const QString &path, QString *error) {
                        return writeReportPdf(document, bundleDir, path, error);
                    });
}

bool writeReportBundle(const ReportInput &input, const QString &dir, bool overwrite, QString *error)
{
    ReportBundle bundle(input);
    addPdfToBundle(&bundle);
    return bundle.write(dir, overwrite, error);
}

} // namespace poc
