/**
 * The meter store's contents, one meter-register (series) at a time: the key layout
 * ({@link org.straumflyt.processor.series.SeriesKeys}), the binary values (samples and stored hours: {@link org.straumflyt.processor.series.HourCodec}), the entries themselves
 * ({@link org.straumflyt.processor.series.StoredSeries}) and the sample cache in front of them
 * ({@link org.straumflyt.processor.series.SeriesStore}); whole-meter entries are
 * {@link org.straumflyt.processor.series.MeterEntries}.
 */
package org.straumflyt.processor.series;
